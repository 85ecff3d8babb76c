// What the API answers in the client's unit tests.

/** `GET /api/me` for an early-career participant. */
export const me = {
  id: '11111111-2222-4333-8444-555555555555',
  displayName: 'Ana Ruiz',
  mail: 'ana@contoso.test',
  department: 'Transplant',
  careerStage: 'early',
  timeZone: 'America/Chicago',
  roles: ['Participant'],
};

/** An answer with a JSON body, made anew for each call (a Response's body is read once). */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
