// A weekly pair of two demo users, made straight in the program store, for
// tests that book and move sessions through the API.
import type { Pair, Participant } from '../../src/core/schemas.js';
import type { TestApp } from './app.js';
import type { DemoUser } from './devtenant.js';

export const participantOf = (u: DemoUser): Participant => ({
  userId: u.id,
  displayName: u.displayName,
  mail: u.userPrincipalName,
  department: u.department,
  careerStage: u.careerStage,
  timeZone: u.timeZone,
});

export async function createTestPair(t: TestApp, id: string, people: [DemoUser, DemoUser]): Promise<Pair> {
  const members = people.map(participantOf).sort((x, y) => x.userId.localeCompare(y.userId));
  const pair: Pair = {
    id,
    members: members as [Participant, Participant],
    cadence: 'weekly',
    durationMinutes: 30,
    status: 'active',
    startedOn: new Date().toISOString(),
    endedOn: null,
  };
  return t.app.services.store.createPair(pair);
}
