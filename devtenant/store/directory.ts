// People in the dev tenant's directory, in the order they were added (Graph lists /users in a stable order).
import type { TenantDatabase } from './database.js';

export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string;
  managerId: string | null;
  /** Demo-only facts the root listing exposes for seeding the program. */
  careerStage: 'early' | 'mid' | 'seasoned';
  timeZone: string;
  windowsTimeZone: string;
  workingHours: { daysOfWeek: string[]; startTime: string; endTime: string };
  roles: string[];
}

export const insertUserSql = 'INSERT INTO users (id, upn, mail, department, seq, body) VALUES (?, ?, ?, ?, ?, ?)';

/** The values for `insertUserSql`; `seq` is the person's place in the directory. */
export function userRow(u: DirectoryUser, seq: number): unknown[] {
  return [u.id, u.userPrincipalName, u.mail, u.department, seq, JSON.stringify(u)];
}

export class DirectoryTable {
  constructor(private readonly tenant: TenantDatabase) {}

  userCount(): number {
    return (this.tenant.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  insertUsers(users: DirectoryUser[]): void {
    const start = this.userCount();
    const insert = this.tenant.db.prepare(insertUserSql);
    this.tenant.db.transaction(() => users.forEach((u, i) => insert.run(...userRow(u, start + i))))();
  }

  allUsers(): DirectoryUser[] {
    return (this.tenant.db.prepare('SELECT body FROM users ORDER BY seq').all() as Array<{ body: string }>).map(
      (r) => JSON.parse(r.body) as DirectoryUser,
    );
  }

  /** By object id, UPN or mail (Graph accepts both in /users/{id|upn}). */
  findUser(idOrUpn: string): DirectoryUser | null {
    const row = this.tenant
      .statement('SELECT body FROM users WHERE id = ? OR upn = ? OR mail = ? LIMIT 1')
      .get(idOrUpn.toLowerCase(), idOrUpn, idOrUpn) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as DirectoryUser) : null;
  }
}
