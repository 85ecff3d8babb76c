import { describe, expect, it } from 'vitest';
import { isAllowedStatusChange, statusChangeRefusal } from '../../../src/core/sessions/index.js';
import type { SessionStatus } from '../../../src/core/schemas.js';

const started = { startMs: 1_000, nowMs: 2_000 };
const ahead = { startMs: 3_000, nowMs: 2_000 };

describe('session status state machine', () => {
  const table: Array<[SessionStatus, SessionStatus, boolean]> = [
    ['scheduled', 'held', true],
    ['scheduled', 'no-show', true],
    ['scheduled', 'cancelled', true],
    ['held', 'no-show', true],
    ['no-show', 'held', true],
    ['held', 'scheduled', false],
    ['no-show', 'scheduled', false],
    ['held', 'cancelled', false],
    ['no-show', 'cancelled', false],
    ['cancelled', 'scheduled', false],
    ['cancelled', 'held', false],
    ['cancelled', 'no-show', false],
    ['cancelled', 'cancelled', true],
  ];
  it.each(table)('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(isAllowedStatusChange(from, to)).toBe(allowed);
    expect(statusChangeRefusal(from, to, started) === null).toBe(allowed);
  });

  it('names both statuses when refusing', () => {
    expect(statusChangeRefusal('cancelled', 'scheduled', started)).toMatch(/cancelled.*scheduled.*final/);
  });

  it('refuses held or no-show before the session starts, but allows cancelling it', () => {
    expect(statusChangeRefusal('scheduled', 'held', ahead)).toMatch(/before it starts/);
    expect(statusChangeRefusal('scheduled', 'no-show', ahead)).toMatch(/before it starts/);
    expect(statusChangeRefusal('scheduled', 'cancelled', ahead)).toBeNull();
  });
});
