// The due-work outbox: every proactive message is an item in the tenant's
// Outbox list under its key (kind, subject, recipient), so it is planned any
// number of times but sent once, by whichever app instance claims it.
//
// A claim is a PATCH with If-Match on the item's eTag: SharePoint answers 412
// to everyone but the first ("If the eTag does not match ... a 412 Precondition
// Failed response is returned and the item will not be updated",
// https://learn.microsoft.com/graph/api/listitem-update). The claim writes
// `sending` and a lease before the send. The Bot Connector takes no client id
// to de-duplicate a send (POST /v3/conversations/{id}/activities returns the id
// it assigns, https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference),
// so an item whose lease ran out while `sending` may or may not have reached
// Teams: it becomes `unconfirmed` and is never sent again (at most once).
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { StoredItem } from '../../graph/programStore.js';
import { etagOf } from '../../graph/programStore.js';
import { filterLiteral } from '../../graph/odata.js';
import type { OutboxState } from '../../graph/lists/operations.js';
import { ApiProblem } from '../problem.js';
import type { ProgramPorts } from '../ports.js';
import { messageKey, type DueMessage, type MessageKind } from './types.js';

type OutboxPorts = Pick<ProgramPorts, 'store' | 'now'>;

const messageKinds = [
  'intro',
  'invitation',
  'reminder',
  'session-loop',
  'nudge',
  'partner-left',
  'pair-ended',
  'digest-lead',
  'digest-owner',
  'meeting-agenda',
  'meeting-note',
  'assessment-prompt',
] as const satisfies readonly MessageKind[];

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 instant');
const DueMessageInput = z.object({
  kind: z.enum(messageKinds),
  subject: z.string().min(1).max(160),
  recipient: z.string().min(1).max(80),
  dueAt: instant,
  expiresAt: instant.optional(),
  card: z.record(z.string(), z.unknown()),
});

export interface OutboxEntry {
  itemId: string;
  etag: string;
  key: string;
  state: OutboxState;
  message: DueMessage;
  attempts: number;
  leaseOwner: string | null;
  leaseUntil: number | null;
  notBefore: number;
  activityId: string | null;
  problem: string | null;
  sentAt: string | null;
}

/** SharePoint keeps dateTime columns at whole seconds; instants are written (and filtered on) that way. */
export const wholeSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString();

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const ms = (v: unknown): number | null => (typeof v === 'string' && v ? Date.parse(v) : null);

function toEntry(item: StoredItem): OutboxEntry {
  const f = item.fields;
  let card: Record<string, unknown> = {};
  try {
    card = JSON.parse(String(f['CardJson'] ?? '{}')) as Record<string, unknown>;
  } catch {
    // A card that no longer parses is sent as an empty card rather than blocking the queue.
  }
  const expiresAt = text(f['ExpiresAt']);
  const message: DueMessage = {
    kind: String(f['Kind']) as MessageKind,
    subject: String(f['Subject'] ?? ''),
    recipient: String(f['Recipient'] ?? ''),
    dueAt: new Date(ms(f['DueAt']) ?? 0).toISOString(),
    ...(expiresAt ? { expiresAt: new Date(Date.parse(expiresAt)).toISOString() } : {}),
    card,
  };
  return {
    itemId: item.id,
    etag: etagOf(item),
    key: String(f['Key']),
    state: String(f['State'] ?? 'queued') as OutboxState,
    message,
    attempts: Number(f['Attempts'] ?? 0),
    leaseOwner: text(f['LeaseOwner']),
    leaseUntil: ms(f['LeaseUntil']),
    notBefore: ms(f['NotBefore']) ?? 0,
    activityId: text(f['ActivityId']),
    problem: text(f['Problem']),
    sentAt: text(f['SentAt']),
  };
}

/** Puts a message in the outbox under its key; a key already there (planned before, or by another instance) changes nothing. */
export async function enqueueMessage(ports: OutboxPorts, message: DueMessage): Promise<{ created: boolean }> {
  const parsed = DueMessageInput.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'message';
    throw new ApiProblem('invalid_request', `due message ${field}: ${issue.message}`, { field: `message.${field}` });
  }
  const m = parsed.data;
  const dueAt = Date.parse(m.dueAt);
  const { created } = await ports.store.createOnce('Outbox', messageKey(m), {
    Kind: m.kind,
    Subject: m.subject,
    Recipient: m.recipient,
    State: 'queued',
    DueAt: wholeSeconds(dueAt),
    NotBefore: wholeSeconds(dueAt),
    ...(m.expiresAt ? { ExpiresAt: wholeSeconds(Date.parse(m.expiresAt)) } : {}),
    CardJson: JSON.stringify(m.card),
    Attempts: 0,
  });
  return { created };
}

/** The outbox item under a key, or null. */
export async function outboxEntry(ports: OutboxPorts, key: string): Promise<OutboxEntry | null> {
  const item = await ports.store.findByKey('Outbox', key);
  return item ? toEntry(item) : null;
}

/** Outbox items in a state (State is indexed; one query). */
export async function entriesIn(ports: OutboxPorts, state: OutboxState): Promise<OutboxEntry[]> {
  return (await ports.store.all('Outbox', `fields/State eq ${filterLiteral(state)}`)).map(toEntry);
}

/** A PATCH under the entry's eTag; null when someone changed the item first (412). */
async function patchIfUnchanged(
  ports: OutboxPorts,
  entry: OutboxEntry,
  fields: Record<string, unknown>,
): Promise<OutboxEntry | null> {
  try {
    const { fields: updated, etag } = await ports.store.patch('Outbox', entry.itemId, fields, entry.etag);
    return toEntry({ id: entry.itemId, eTag: etag, fields: { ...updated, Key: entry.key } });
  } catch (err) {
    if (err instanceof GraphError && (err.statusCode === 412 || err.statusCode === 409)) return null;
    throw err;
  }
}

/**
 * Items leased as `sending` whose lease has run out: their sender died or hung
 * between send and record. Whether Teams got the card is unknown, so they are
 * marked `unconfirmed` (never resent) and listed for the program owner.
 */
export async function settleAbandoned(ports: OutboxPorts): Promise<OutboxEntry[]> {
  const now = ports.now();
  const abandoned = (await entriesIn(ports, 'sending')).filter((e) => (e.leaseUntil ?? 0) <= now);
  const settled: OutboxEntry[] = [];
  for (const entry of abandoned) {
    const done = await patchIfUnchanged(ports, entry, {
      State: 'unconfirmed',
      Problem: `the sender (${entry.leaseOwner ?? 'unknown'}) stopped between sending and recording; not resent so it is never shown twice`,
    });
    if (done) settled.push(done);
  }
  return settled;
}

/** Queued items whose time has come, earliest first (not yet claimed). */
export async function dueEntries(ports: OutboxPorts): Promise<OutboxEntry[]> {
  const filter = `fields/State eq ${filterLiteral('queued')} and fields/NotBefore le ${filterLiteral(wholeSeconds(ports.now()))}`;
  return (await ports.store.all('Outbox', filter)).map(toEntry).sort((a, b) => a.notBefore - b.notBefore);
}

export interface ClaimOptions {
  /** Who claims (an instance id), kept on the item for the record. */
  owner: string;
  /** How long the claimant may take to send and record. */
  leaseMs: number;
}

/**
 * Takes one due item for sending: `sending`, with a lease, under its eTag.
 * Null when another instance took it first, or when it expired (then it is dropped).
 */
export async function claim(
  ports: OutboxPorts,
  entry: OutboxEntry,
  options: ClaimOptions,
): Promise<OutboxEntry | null> {
  const now = ports.now();
  if (entry.message.expiresAt && Date.parse(entry.message.expiresAt) <= now) {
    await patchIfUnchanged(ports, entry, { State: 'expired', Problem: 'expired before it could be sent' });
    return null;
  }
  return patchIfUnchanged(ports, entry, {
    State: 'sending',
    LeaseOwner: options.owner,
    LeaseUntil: wholeSeconds(now + options.leaseMs),
    Attempts: entry.attempts + 1,
  });
}

/** Settles abandoned sends, then claims up to `limit` due items. */
export async function claimDue(ports: OutboxPorts, options: ClaimOptions & { limit: number }): Promise<OutboxEntry[]> {
  await settleAbandoned(ports);
  const claimed: OutboxEntry[] = [];
  for (const entry of await dueEntries(ports)) {
    if (claimed.length >= options.limit) break;
    const taken = await claim(ports, entry, options);
    if (taken) claimed.push(taken);
  }
  return claimed;
}

/** Records the send; false when the lease was lost meanwhile (the item was settled by someone else). */
export async function markSent(
  ports: OutboxPorts,
  entry: OutboxEntry,
  sent: { activityId: string | null },
): Promise<boolean> {
  const done = await patchIfUnchanged(ports, entry, {
    State: 'sent',
    SentAt: wholeSeconds(ports.now()),
    ActivityId: sent.activityId ?? '',
    Problem: '',
  });
  return done !== null;
}

export interface Release {
  /** `queued` (the default) to retry at `retryAt`; `muted`, `expired` or `unconfirmed` to settle it for good. */
  state?: Extract<OutboxState, 'queued' | 'muted' | 'expired' | 'unconfirmed'>;
  retryAt?: number;
  problem?: string;
}

/** Gives a claimed item back: queued for a retry (not before `retryAt`), or settled unsent. */
export async function release(ports: OutboxPorts, entry: OutboxEntry, how: Release = {}): Promise<boolean> {
  const state = how.state ?? 'queued';
  const done = await patchIfUnchanged(ports, entry, {
    State: state,
    ...(state === 'queued' ? { NotBefore: wholeSeconds(how.retryAt ?? ports.now()) } : {}),
    LeaseOwner: '',
    Problem: how.problem ?? '',
  });
  return done !== null;
}
