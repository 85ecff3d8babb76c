import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createReciprocalAgent, type BotDeps } from '../../../server/bot/agent.js';

describe('the bot keeps no turn state', () => {
  it('runs without a state store, so no activity reads or writes one', () => {
    // No handler reads TurnState: an invoke or message costs no storage round trip.
    const agent = createReciprocalAgent({
      store: {} as BotDeps['store'],
      ports: {} as BotDeps['ports'],
      log: pino({ level: 'silent' }),
      teamsAppId: 'app',
      publicUrl: 'https://reciprocal.example',
      now: Date.now,
    });
    expect(agent.options.storage).toBeUndefined();
  });
});
