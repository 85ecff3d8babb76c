// The program owner enrolls people at once: from a CSV file (validated row by
// row, each problem with its line) or from an Entra group's members. Each person
// gets an invited profile and an invitation card; nobody is matched until they
// confirm. Enrolling the same people again invites nobody twice.
import { errorCodes } from '../../src/core/api.js';
import { parseEnrollmentCsv, type EnrollmentOutcome } from '../../src/core/enrollment/index.js';
import { findUser, type DirectoryUser } from '../graph/directory.js';
import { invite, type EnrollmentPorts, type Invitee } from './enrollment.js';
import { ApiProblem } from './problem.js';
import { groupMembers } from './roundPeople.js';

/** A few at a time: each invitation reads the directory and the mailbox. */
async function inviteAll(
  ports: EnrollmentPorts,
  invitees: Invitee[],
): Promise<Pick<EnrollmentOutcome, 'invited' | 'alreadyEnrolled'>> {
  let invited = 0;
  let alreadyEnrolled = 0;
  const queue = [...invitees];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (await invite(ports, next)) invited++;
        else alreadyEnrolled++;
      }
    }),
  );
  return { invited, alreadyEnrolled };
}

/** A file with any malformed row is refused whole (400 listing every problem), so nothing half-imports. */
export async function enrollFromCsv(ports: EnrollmentPorts, csv: string): Promise<EnrollmentOutcome> {
  const { invitees, problems } = parseEnrollmentCsv(csv);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new ApiProblem(
      errorCodes.invalidRequest,
      `body.csv: ${first.line === null ? '' : `line ${first.line}, `}${first.field}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
      { field: 'body.csv', details: { problems } },
    );
  }
  const found: Invitee[] = [];
  const missing: EnrollmentOutcome['problems'] = [];
  for (const row of invitees) {
    // GET /users/{upn}: in most tenants the mail address is the UPN; someone whose differs is reported, not guessed.
    const user = await findUser(ports.graph.client, row.email);
    if (user) found.push({ ...row, user });
    else
      missing.push({
        line: row.line,
        field: 'email',
        message: `no one with the address ${row.email} in the directory`,
      });
  }
  return { ...(await inviteAll(ports, found)), problems: missing };
}

export async function enrollGroup(ports: EnrollmentPorts, groupId: string): Promise<EnrollmentOutcome> {
  const members = await groupMembers(ports.graph.client, groupId);
  const invitees: Invitee[] = members.map((m) => ({
    line: null,
    user: {
      id: m.id,
      displayName: m.displayName ?? m.userPrincipalName ?? m.id,
      mail: m.mail ?? m.userPrincipalName ?? '',
      department: m.department ?? null,
      jobTitle: m.jobTitle ?? null,
    } satisfies DirectoryUser,
  }));
  return { ...(await inviteAll(ports, invitees)), problems: [] };
}
