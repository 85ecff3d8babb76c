// Profiles, rounds and change requests in their SharePoint lists (../graph/lists/enrollment.ts),
// over the program store's generic record access. Pure mapping plus the calls; no rules here.
import { z } from 'zod';
import {
  ChangeRequest,
  FocusAreaWithLevel,
  MailboxWorkingHours,
  Profile,
  Round,
  type ProfileStatus,
} from '../../src/core/enrollment/index.js';
import { etagOf, type ProgramStore, type StoredItem } from '../graph/programStore.js';
import { json, str } from '../graph/programRecords.js';
import { fieldEquals } from '../graph/odata.js';

type Fields = Record<string, unknown>;

const profileFields = (p: Profile): Fields => ({
  UserId: p.userId,
  DisplayName: p.displayName,
  Mail: p.mail,
  Department: p.department,
  CareerStage: p.careerStage,
  Status: p.status,
  CanTeachJson: JSON.stringify(p.canTeach),
  WantsToLearnJson: JSON.stringify(p.wantsToLearn),
  Cadence: p.cadence,
  DurationMinutes: p.durationMinutes,
  Languages: p.languages.join(','),
  CrossDepartment: p.crossDepartment,
  MaxPairs: p.maxPairs,
  ManagerId: p.managerId ?? '',
  WorkingHoursJson: JSON.stringify(p.workingHours),
  UpdatedAt: p.updatedAt,
});

/** The item's fields in the profile's shape, before validation. */
const profileRecord = (f: Fields) => ({
  userId: f['UserId'],
  displayName: str(f['DisplayName']),
  mail: str(f['Mail']),
  department: str(f['Department']),
  careerStage: f['CareerStage'],
  status: f['Status'],
  canTeach: json(z.array(FocusAreaWithLevel), f['CanTeachJson'], []),
  wantsToLearn: json(z.array(FocusAreaWithLevel), f['WantsToLearnJson'], []),
  cadence: f['Cadence'],
  durationMinutes: Number(f['DurationMinutes']),
  languages: str(f['Languages']).split(',').filter(Boolean),
  crossDepartment: f['CrossDepartment'] !== false,
  maxPairs: Number(f['MaxPairs']),
  managerId: str(f['ManagerId']) || null,
  workingHours: json(MailboxWorkingHours.nullable(), f['WorkingHoursJson'], null),
  updatedAt: str(f['UpdatedAt']),
});

/** A stored profile, or null when the item is not one we can read (hand-edited in SharePoint). */
function toAnyProfile(f: Fields): Profile | null {
  const parsed = Profile.safeParse(profileRecord(f));
  return parsed.success ? parsed.data : null;
}

const roundFields = (r: Round): Fields => ({
  Status: r.status,
  Cadence: r.cadence,
  CreatedAt: r.createdAt,
  PublishedAt: r.publishedAt,
  NextRoundOn: r.nextRoundOn ?? '',
  RoundJson: JSON.stringify(r),
});

const toRound = (item: StoredItem): Round | null => json(Round.nullable(), item.fields['RoundJson'], null);

export const changeRequestKey = (pairId: string, userId: string) => `${pairId}|${userId}`;

export class EnrollmentStore {
  constructor(private readonly store: ProgramStore) {}

  async profile(userId: string): Promise<{ profile: Profile; itemId: string } | null> {
    const item = await this.store.findByKey('Profiles', userId);
    const profile = item && toAnyProfile(item.fields);
    return item && profile ? { profile, itemId: item.id } : null;
  }

  async saveProfile(profile: Profile): Promise<Profile> {
    await this.store.upsert('Profiles', profile.userId, profileFields(profile));
    return profile;
  }

  /** Creates the invited profile unless the person already has one; true when it was created. */
  async inviteOnce(profile: Profile): Promise<boolean> {
    return (await this.store.createOnce('Profiles', profile.userId, profileFields(profile))).created;
  }

  async setProfileStatus(itemId: string, status: ProfileStatus, updatedAt: string): Promise<void> {
    await this.store.patch('Profiles', itemId, { Status: status, UpdatedAt: updatedAt });
  }

  async removeProfile(itemId: string): Promise<void> {
    await this.store.remove('Profiles', itemId);
  }

  async profilesWithStatus(status: ProfileStatus): Promise<Profile[]> {
    return (await this.store.all('Profiles', fieldEquals('Status', status))).flatMap((i) => {
      const p = toAnyProfile(i.fields);
      return p ? [p] : [];
    });
  }

  async round(id: string): Promise<{ round: Round; itemId: string; etag: string } | null> {
    const item = await this.store.findByKey('Rounds', id);
    const round = item && toRound(item);
    return item && round ? { round, itemId: item.id, etag: etagOf(item) } : null;
  }

  async rounds(): Promise<Round[]> {
    return (await this.store.all('Rounds')).flatMap((i) => {
      const r = toRound(i);
      return r ? [r] : [];
    });
  }

  async createRound(round: Round): Promise<Round> {
    await this.store.create('Rounds', round.id, roundFields(round));
    return round;
  }

  /** Saves a round's new state; with `etag`, only if nobody changed it since (a 412 otherwise). */
  async saveRound(itemId: string, round: Round, etag?: string): Promise<void> {
    await this.store.patch('Rounds', itemId, roundFields(round), etag);
  }

  async addChangeRequest(request: ChangeRequest): Promise<boolean> {
    const { created } = await this.store.createOnce(
      'PairChangeRequests',
      changeRequestKey(request.pairId, request.requestedBy),
      {
        PairId: request.pairId,
        RequestedBy: request.requestedBy,
        Reason: JSON.stringify(request),
        RequestedAt: request.requestedAt,
      },
    );
    return created;
  }

  async changeRequests(): Promise<ChangeRequest[]> {
    return (await this.store.all('PairChangeRequests')).flatMap((i) => {
      const r = json(ChangeRequest.nullable(), i.fields['Reason'], null);
      return r ? [r] : [];
    });
  }

  /** Removes the person's own change requests (their words); returns how many. */
  async removeChangeRequestsBy(userId: string): Promise<number> {
    const items = await this.store.all('PairChangeRequests', fieldEquals('RequestedBy', userId));
    for (const i of items) await this.store.remove('PairChangeRequests', i.id);
    return items.length;
  }
}
