// Growth records in the program's lists (server/graph/lists/growth.ts):
// agreements, goals and self-assessments, each with a deterministic key so a
// retried write never duplicates.
import { z } from 'zod';
import { fnv1aId } from '../../src/core/hash.js';
import {
  Acceptance,
  AgreementTemplate,
  defaultAgreementTemplate,
  Goal,
  GoalUpdate,
  Ratings,
  SelfAssessment,
  type AssessmentOccasion,
} from '../../src/core/growth/model.js';
import { fieldEquals } from './odata.js';
import { json, str } from './programRecords.js';
import type { ProgramStore, StoredItem } from './programStore.js';

type Fields = Record<string, unknown>;

const templateKey = 'current';

export async function agreementTemplate(store: ProgramStore): Promise<AgreementTemplate> {
  const item = await store.findByKey('AgreementTemplates', templateKey);
  return json(AgreementTemplate, item?.fields.TemplateJson, defaultAgreementTemplate);
}

export async function saveAgreementTemplate(store: ProgramStore, template: AgreementTemplate, at: string) {
  await store.upsert('AgreementTemplates', templateKey, { TemplateJson: JSON.stringify(template), UpdatedAt: at });
}

const toAcceptance = (f: Fields): Acceptance | null => {
  const parsed = Acceptance.safeParse({ userId: str(f.PersonId), acceptedAt: str(f.AcceptedAt) });
  return parsed.success ? parsed.data : null;
};

/** Who accepted the pair's agreement, earliest first. */
export async function acceptancesOf(store: ProgramStore, pairId: string): Promise<Acceptance[]> {
  const items = await store.all('Agreements', fieldEquals('PairId', pairId));
  return items.flatMap((i) => toAcceptance(i.fields) ?? []).sort((a, b) => a.acceptedAt.localeCompare(b.acceptedAt));
}

/** Every acceptance, by pair: one read for a list of pairs. */
export async function allAcceptances(store: ProgramStore): Promise<Map<string, Acceptance[]>> {
  const out = new Map<string, Acceptance[]>();
  for (const item of await store.all('Agreements')) {
    const a = toAcceptance(item.fields);
    if (a) out.set(str(item.fields.PairId), [...(out.get(str(item.fields.PairId)) ?? []), a]);
  }
  return out;
}

/** Records the acceptance once: accepting again keeps the first time. */
export async function recordAcceptance(store: ProgramStore, pairId: string, acceptance: Acceptance) {
  const { item } = await store.createOnce('Agreements', `${pairId}~${acceptance.userId}`, {
    PairId: pairId,
    PersonId: acceptance.userId,
    AcceptedAt: acceptance.acceptedAt,
  });
  return toAcceptance(item.fields) ?? acceptance;
}

// ---- goals ----

/** Same person, kind, area and title: the same goal (a retried create finds it). */
export const goalIdFor = (personId: string, g: Pick<Goal, 'kind' | 'focusArea' | 'title'>): string =>
  `goal-${fnv1aId(personId)}-${fnv1aId(`${g.kind}|${g.focusArea}|${g.title.toLowerCase()}`)}`;

const goalFields = (g: Goal): Fields => ({
  PersonId: g.personId,
  Kind: g.kind,
  FocusArea: g.focusArea,
  GoalTitle: g.title,
  Progress: g.progress,
  UpdatesJson: JSON.stringify(g.updates),
  CreatedAt: g.createdAt,
  UpdatedAt: g.updatedAt,
});

function toGoal(item: StoredItem): Goal | null {
  const f = item.fields;
  const parsed = Goal.safeParse({
    id: str(f.Key),
    personId: str(f.PersonId),
    kind: f.Kind,
    focusArea: f.FocusArea,
    title: str(f.GoalTitle),
    progress: f.Progress,
    updates: json(z.array(GoalUpdate), f.UpdatesJson, []),
    createdAt: str(f.CreatedAt),
    updatedAt: str(f.UpdatedAt),
  });
  return parsed.success ? parsed.data : null;
}

export interface StoredGoal {
  goal: Goal;
  itemId: string;
  etag: string;
}

const storedGoal = (item: StoredItem): StoredGoal | null => {
  const goal = toGoal(item);
  return goal ? { goal, itemId: item.id, etag: item.eTag ?? str(item['@odata.etag']) } : null;
};

export async function goalsOf(store: ProgramStore, personId: string): Promise<Goal[]> {
  const items = await store.all('Goals', fieldEquals('PersonId', personId));
  return items.flatMap((i) => toGoal(i) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function allGoals(store: ProgramStore): Promise<Goal[]> {
  return (await store.all('Goals')).flatMap((i) => toGoal(i) ?? []);
}

export async function findGoal(store: ProgramStore, goalId: string): Promise<StoredGoal | null> {
  const item = await store.findByKey('Goals', goalId);
  return item ? storedGoal(item) : null;
}

export async function createGoal(store: ProgramStore, goal: Goal): Promise<Goal> {
  const { item } = await store.createOnce('Goals', goal.id, goalFields(goal));
  return toGoal(item) ?? goal;
}

/** Writes the goal's new state only if nobody changed it since it was read (412 otherwise). */
export async function saveGoal(store: ProgramStore, stored: StoredGoal, goal: Goal): Promise<Goal> {
  await store.patch('Goals', stored.itemId, goalFields(goal), stored.etag || undefined);
  return goal;
}

// ---- self-assessments ----

export const assessmentKey = (personId: string, occasion: AssessmentOccasion, takenAt: string): string =>
  occasion === 'enrollment' ? `${personId}~enrollment` : `${personId}~${occasion}~${takenAt.slice(0, 19)}`;

function toAssessment(item: StoredItem): SelfAssessment | null {
  const f = item.fields;
  const parsed = SelfAssessment.safeParse({
    id: str(f.Key),
    personId: str(f.PersonId),
    takenAt: str(f.TakenAt),
    occasion: f.Occasion,
    ratings: json(Ratings, f.RatingsJson, {}),
  });
  return parsed.success ? parsed.data : null;
}

export async function assessmentsOf(store: ProgramStore, personId: string): Promise<SelfAssessment[]> {
  const items = await store.all('SelfAssessments', fieldEquals('PersonId', personId));
  return items.flatMap((i) => toAssessment(i) ?? []).sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

export async function allAssessments(store: ProgramStore): Promise<SelfAssessment[]> {
  return (await store.all('SelfAssessments')).flatMap((i) => toAssessment(i) ?? []);
}

/** Saves the assessment; an enrollment assessment is taken once (a second answers the first). */
export async function saveAssessment(store: ProgramStore, a: Omit<SelfAssessment, 'id'>): Promise<SelfAssessment> {
  const key = assessmentKey(a.personId, a.occasion, a.takenAt);
  const { item } = await store.createOnce('SelfAssessments', key, {
    PersonId: a.personId,
    TakenAt: a.takenAt,
    Occasion: a.occasion,
    RatingsJson: JSON.stringify(a.ratings),
  });
  return toAssessment(item) ?? { ...a, id: key };
}
