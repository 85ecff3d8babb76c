// Who muted which kind of proactive message: one Mutes item per person (keyed
// by their object id), read once per scheduler tick and checked before a send.
import { z } from 'zod';
import { mutableKinds, type MutableKind } from '../../../src/core/operations/notifications.js';
import type { ProgramPorts } from '../ports.js';
import type { MessageKind } from './types.js';

type MutePorts = Pick<ProgramPorts, 'store'>;

const Kinds = z.array(z.string());

function kindsOf(value: unknown): MutableKind[] {
  try {
    const parsed = Kinds.safeParse(JSON.parse(String(value ?? '[]')));
    return parsed.success ? mutableKinds.filter((k) => parsed.data.includes(k)) : [];
  } catch {
    return [];
  }
}

export async function mutedKinds(ports: MutePorts, userId: string): Promise<MutableKind[]> {
  const item = await ports.store.findByKey('Mutes', userId);
  return item ? kindsOf(item.fields['KindsJson']) : [];
}

/** Replaces the person's muted kinds (a PUT: the whole set, so a retry lands the same). */
export async function setMutedKinds(ports: MutePorts, userId: string, kinds: MutableKind[]): Promise<MutableKind[]> {
  const muted = mutableKinds.filter((k) => kinds.includes(k));
  await ports.store.upsert('Mutes', userId, { UserId: userId, KindsJson: JSON.stringify(muted) });
  return muted;
}

/** Everybody's mutes, one read: the scheduler checks each message against it. */
export async function allMutes(ports: MutePorts): Promise<(recipient: string, kind: MessageKind) => boolean> {
  const byPerson = new Map<string, Set<string>>();
  for (const item of await ports.store.all('Mutes'))
    byPerson.set(String(item.fields['UserId'] ?? item.fields['Key']), new Set(kindsOf(item.fields['KindsJson'])));
  return (recipient, kind) => byPerson.get(recipient)?.has(kind) ?? false;
}
