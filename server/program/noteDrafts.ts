// Note drafts kept in the tenant, per person and session, so a meeting side
// panel closed and reopened (Teams unloads it), or another device, finds what
// was being typed. The tenant is the system of record and its retention and
// eDiscovery apply to what is stored, so a draft is stored only after the PHI
// guard passed it here, exactly as a saved note: text that may hold a patient
// identifier stays on the person's device (the editor says so) until they edit
// or confirm it. A saved note settles its draft.
import { KeptNoteDraft, type NoteDraftInput } from '../../src/core/notes/draft.js';
import type { Pair } from '../../src/core/schemas.js';
import type { Caller } from '../auth/caller.js';
import { json, str } from '../graph/programRecords.js';
import type { ProgramStore } from '../graph/programStore.js';
import { requireMember } from './access.js';
import { requireStorableNote } from './noteContent.js';
import { assignedItems } from './notes.js';
import { nowIso, type ProgramPorts } from './ports.js';

type DraftStore = Pick<ProgramStore, 'findByKey' | 'upsert' | 'remove'>;
export interface NoteDraftPorts {
  store: DraftStore;
  now: ProgramPorts['now'];
}
type SessionOfPair = { session: { id: string }; pair: Pair };

const draftKey = (sessionId: string, authorId: string) => `${sessionId}|${authorId}`;

/** The caller's draft for the session, if one is kept. */
export async function myNoteDraft(
  ports: Pick<NoteDraftPorts, 'store'>,
  caller: Caller,
  { session, pair }: SessionOfPair,
): Promise<KeptNoteDraft | null> {
  requireMember(pair, caller, 'write notes');
  const item = await ports.store.findByKey('NoteDrafts', draftKey(session.id, caller.userId));
  return item ? json(KeptNoteDraft, str(item.fields['DraftJson']), null) : null;
}

/** Keeps the caller's draft: 422 (nothing stored) when the guard flags text the author has not confirmed. */
export async function keepNoteDraft(
  ports: NoteDraftPorts,
  caller: Caller,
  { session, pair }: SessionOfPair,
  input: NoteDraftInput,
): Promise<KeptNoteDraft> {
  requireMember(pair, caller, 'write notes');
  const actionItems = assignedItems(pair, caller.userId, input.note.actionItems);
  const phiConfirmations = requireStorableNote(input.note);
  const note = { ...input.note, actionItems, phiConfirmations };
  const draft: KeptNoteDraft = { ...input, note, savedAt: nowIso(ports) };
  await ports.store.upsert('NoteDrafts', draftKey(session.id, caller.userId), {
    SessionId: session.id,
    AuthorId: caller.userId,
    DraftJson: JSON.stringify(draft),
    SavedAt: draft.savedAt,
  });
  return draft;
}

/** Drops the caller's draft (after a save, or when they discard it); none kept is fine. */
export async function settleNoteDraft(
  ports: Pick<NoteDraftPorts, 'store'>,
  sessionId: string,
  authorId: string,
): Promise<void> {
  const item = await ports.store.findByKey('NoteDrafts', draftKey(sessionId, authorId));
  if (item) await ports.store.remove('NoteDrafts', item.id);
}
