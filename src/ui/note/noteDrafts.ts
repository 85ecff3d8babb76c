// Where an unsaved note draft is kept, and why there. The device (localStorage,
// or this window's memory where a framed tab is denied storage) always keeps
// the newest words, so a failed save or a reload loses nothing. The tenant
// keeps a copy per person and session too, so a meeting side panel closed and
// reopened, or another device, finds it; but only text the PHI guard passed
// (server/program/noteDrafts.ts refuses the rest): the tenant is the system of
// record, and a possible patient identifier the author has neither edited nor
// confirmed must not reach it. Such a draft stays on the device and the editor
// tells the person so.
import { z } from 'zod';
import type { ApiClient } from '../../client/api.js';
import { withoutCompiling } from '../../client/parsing.js';
import { DraftNote, KeptNoteDraftAnswer, type KeptNoteDraft } from '../../core/notes/draft.js';
import type { NoteInput } from '../../core/api.js';

/** Where the latest words are kept: the tenant too, this device only, or this window only (no storage). */
export type DraftKeeping = 'tenant' | 'device' | 'window';

export interface RestoredDraft {
  draft: KeptNoteDraft;
  from: 'device' | 'tenant';
}

/** A device draft as written by this module or the earlier device-only store (same key, same shape). */
const DeviceDraft = z.object({
  // Over-long text is kept whole on the device: the editor names the excess instead of cutting it.
  note: DraftNote.extend({ taught: z.string(), learned: z.string() }),
  baseEtag: z.string().nullable(),
  savedAt: z.string(),
});

export const draftKey = (userId: string, sessionId: string) => `reciprocal.draft.${userId}.${sessionId}`;
const draftPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/notes/me/draft`;
/** How long typing pauses before the tenant copy is written (each write is a Graph list item update). */
const tenantPauseMs = 1200;
/** How long opening the note waits for the tenant copy before going on with the device's. */
const tenantReadMs = 3000;

export class NoteDrafts {
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: Pick<ApiClient, 'json' | 'send'>,
    private readonly device: Storage,
    /** False when `device` is this window's memory (the browser denied storage to the framed tab). */
    private readonly deviceLasts: boolean,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The newest draft kept for me and this session, on this device or in the tenant. */
  async load(userId: string, sessionId: string): Promise<RestoredDraft | null> {
    const tenant = await Promise.race([
      this.tenantDraft(sessionId)
        .then((a) => a.draft)
        .catch(() => null),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), tenantReadMs)),
    ]);
    return this.newest(userId, sessionId, tenant);
  }

  /** The tenant's copy: one GET, which the session page primes with its code (src/tab/routes.ts). */
  tenantDraft(sessionId: string): Promise<{ draft: KeptNoteDraft | null }> {
    return this.api.json(KeptNoteDraftAnswer, 'GET', draftPath(sessionId));
  }

  /** The newer of this device's draft and the tenant's. */
  newest(userId: string, sessionId: string, tenant: KeptNoteDraft | null): RestoredDraft | null {
    const device = this.deviceDraft(userId, sessionId);
    if (device && (!tenant || device.savedAt >= tenant.savedAt)) return { draft: device, from: 'device' };
    return tenant ? { draft: tenant, from: 'tenant' } : null;
  }

  /** Keeps the words on the device now and, when the guard passed them, in the tenant after a pause. */
  keep(
    userId: string,
    sessionId: string,
    note: NoteInput,
    baseEtag: string | null,
    guardPassed: boolean,
    onTenantFailed: () => void,
  ): DraftKeeping {
    const draft: KeptNoteDraft = { note, baseEtag, savedAt: this.now().toISOString() };
    try {
      this.device.setItem(draftKey(userId, sessionId), JSON.stringify(draft));
    } catch {
      // Storage full: the editor still holds the words, and the tenant copy below may too.
    }
    this.cancelPending();
    if (!guardPassed) return this.deviceLasts ? 'device' : 'window';
    this.pending = setTimeout(() => {
      this.pending = null;
      void this.api.json(KeptNoteDraftAnswer, 'PUT', draftPath(sessionId), { body: draft }).catch(onTenantFailed);
    }, tenantPauseMs);
    return 'tenant';
  }

  /** Drops the drafts once the server holds the note (its save settles the tenant copy) or the person chose another. */
  discard(userId: string, sessionId: string, alsoInTenant: boolean): void {
    this.cancelPending();
    this.device.removeItem(draftKey(userId, sessionId));
    // A tenant copy left behind only offers outdated words next time, which the person can drop: no harm to report.
    if (alsoInTenant) void this.api.send('DELETE', draftPath(sessionId)).catch(() => undefined);
  }

  private cancelPending(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
  }

  private deviceDraft(userId: string, sessionId: string): KeptNoteDraft | null {
    try {
      const raw = this.device.getItem(draftKey(userId, sessionId));
      const parsed = raw ? DeviceDraft.safeParse(JSON.parse(raw), withoutCompiling) : null;
      return parsed?.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

/**
 * localStorage, or this window's memory where the browser denies a framed tab
 * storage (third-party storage blocked, e.g. the Teams web client in a private
 * window): reading `window.localStorage` then throws a SecurityError, which
 * must not take the page down.
 */
export function deviceStorage(): { storage: Storage; lasts: boolean } {
  try {
    const storage = window.localStorage;
    storage.getItem('reciprocal.probe');
    return { storage, lasts: true };
  } catch {
    const kept = new Map<string, string>();
    const storage: Storage = {
      get length() {
        return kept.size;
      },
      clear: () => kept.clear(),
      getItem: (key) => kept.get(key) ?? null,
      key: (index) => [...kept.keys()][index] ?? null,
      removeItem: (key) => void kept.delete(key),
      setItem: (key, value) => void kept.set(key, String(value)),
    };
    return { storage, lasts: false };
  }
}
