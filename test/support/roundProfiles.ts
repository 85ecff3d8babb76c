// People opting in to rounds through the API, each teaching what their career
// stage brings and wanting what the other stages bring, so a round can match them.
import type { TestApp } from './app.js';
import type { DemoUser } from './devtenant.js';

const teaches = { early: 'technology-adoption', mid: 'leadership', seasoned: 'clinical-expertise' } as const;
const wants = { early: 'clinical-expertise', mid: 'technology-adoption', seasoned: 'technology-adoption' } as const;

/** PUT /api/me/profile as `person`: biweekly 30-minute sessions, any department, one pair at most. */
export function optInToRounds(app: Pick<TestApp, 'request'>, person: DemoUser) {
  return app.request('/api/me/profile', {
    as: person.userPrincipalName,
    method: 'PUT',
    body: {
      careerStage: person.careerStage,
      canTeach: [{ area: teaches[person.careerStage], level: 'advanced' }],
      wantsToLearn: [{ area: wants[person.careerStage], level: 'beginner' }],
      cadence: 'biweekly',
      durationMinutes: 30,
      languages: ['en'],
      crossDepartment: true,
      maxPairs: 1,
    },
  });
}
