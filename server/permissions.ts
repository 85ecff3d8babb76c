// The one list of Microsoft Graph permissions Reciprocal needs: what an admin
// consents to, what the README and docs/deploy.md show (generated from here by
// `reciprocal docs --write`), what the embedded dev tenant grants by default,
// what `reciprocal doctor` probes, and how the Graph gateway names a missing one.
// Each permission is the least privileged one the API's Graph reference page
// lists for the token type Reciprocal calls it with.

export type PermissionType = 'application' | 'delegated';

export type Feature =
  | 'directory'
  | 'pairing'
  | 'free/busy'
  | 'booking'
  | 'outlook pane'
  | 'time zones'
  | 'program store'
  | 'agenda to pair chat'
  | 'agenda to meeting chat'
  | 'enrollment'
  | 'proactive messages'
  | 'attendance'
  | 'digests';

export interface GraphCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Matched against the path after the version segment (`/users/{id}/events`). */
  path: RegExp;
}

export interface GraphPermission {
  name: string;
  type: PermissionType;
  why: string;
  features: readonly Feature[];
  /** The Graph reference page whose Permissions table lists it. */
  reference: string;
  /** The calls it authorizes, as Reciprocal makes them. */
  calls: readonly GraphCall[];
  /**
   * The product works without it: the feature falls back (its `why` says to
   * what) and the owner's operations status names the permission once.
   */
  optional?: true;
}

const users = String.raw`/users/[^/]+`;
const sites = String.raw`/sites/[^/]+`;

export const graphPermissions: readonly GraphPermission[] = [
  {
    name: 'User.Read.All',
    type: 'application',
    why: 'people, departments, job titles and managers: the directory search, pairing (warns when one reports to the other) and dashboards',
    features: ['directory', 'pairing'],
    reference: 'https://learn.microsoft.com/graph/api/user-list',
    calls: [
      { method: 'GET', path: /^\/users$/ },
      { method: 'GET', path: new RegExp(`^${users}$`) },
      { method: 'GET', path: new RegExp(`^${users}/manager$`) },
    ],
  },
  {
    name: 'GroupMember.Read.All',
    type: 'application',
    why: 'the members of an Entra group the program owner enrolls at once (they get an invitation card)',
    features: ['enrollment'],
    reference: 'https://learn.microsoft.com/graph/api/group-list-members',
    calls: [{ method: 'GET', path: /^\/groups\/[^/]+\/(transitiveM|m)embers$/ }],
  },
  {
    name: 'Calendars.ReadWrite',
    type: 'application',
    why: 'free/busy (`getSchedule`); creating, moving and cancelling the session’s Teams meeting on the organizer’s calendar; reading the meeting the Outlook pane opens. Scope it to program members with Exchange RBAC for Applications',
    features: ['free/busy', 'booking', 'outlook pane'],
    reference: 'https://learn.microsoft.com/graph/api/user-post-events',
    calls: [
      { method: 'POST', path: new RegExp(`^${users}/calendar/getSchedule$`, 'i') },
      { method: 'POST', path: new RegExp(`^${users}(/calendar)?/events$`) },
      { method: 'GET', path: new RegExp(`^${users}(/calendar)?/(events|calendarView)(/[^/]+)?$`) },
      { method: 'PATCH', path: new RegExp(`^${users}(/calendar)?/events/[^/]+$`) },
      { method: 'DELETE', path: new RegExp(`^${users}(/calendar)?/events/[^/]+$`) },
    ],
  },
  {
    name: 'MailboxSettings.Read',
    type: 'application',
    why: 'each person’s time zone and working hours',
    features: ['time zones'],
    reference: 'https://learn.microsoft.com/graph/api/user-get-mailboxsettings',
    calls: [{ method: 'GET', path: new RegExp(`^${users}/mailboxSettings`) }],
  },
  {
    name: 'Sites.Selected',
    type: 'application',
    why: 'the program site’s lists (pairs, sessions, notes). Then grant the app `fullcontrol` on that one site (Graph `POST /sites/{site-id}/permissions`): `write` cannot create or migrate its lists. It reaches no other site',
    features: ['program store'],
    reference: 'https://learn.microsoft.com/graph/permissions-selected-overview',
    calls: [
      { method: 'GET', path: new RegExp(`^${sites}`) },
      { method: 'POST', path: new RegExp(`^${sites}/lists`) },
      { method: 'PATCH', path: new RegExp(`^${sites}/lists`) },
      { method: 'DELETE', path: new RegExp(`^${sites}/lists`) },
    ],
  },
  {
    name: 'TeamsAppInstallation.ReadWriteSelfForUser.All',
    type: 'application',
    why: 'installing the app for an enrolled person who has not added it, so the bot can send them reminders, session cards and nudges (Teams then tells the bot where to reach them)',
    features: ['proactive messages'],
    reference: 'https://learn.microsoft.com/graph/api/userteamwork-post-installedapps',
    calls: [{ method: 'POST', path: new RegExp(`^${users}/teamwork/installedApps$`) }],
  },
  {
    name: 'TeamsAppInstallation.ReadWriteSelfForChat.All',
    type: 'application',
    why: 'installing the app in a Teams meeting’s chat, so the bot can post interactive cards there',
    features: ['proactive messages'],
    reference: 'https://learn.microsoft.com/graph/api/chat-post-installedapps',
    calls: [{ method: 'POST', path: /^\/chats\/[^/]+\/installedApps$/ }],
  },
  {
    name: 'OnlineMeetings.Read.All',
    type: 'application',
    optional: true,
    why: 'Optional: finding a session’s Teams meeting from its join link on the organizer’s behalf (`/users/{id}/onlineMeetings?$filter=JoinWebUrl eq …`), to read its attendance. App-only access also needs a Teams application access policy granted to the organizers (`New-CsApplicationAccessPolicy`, `Grant-CsApplicationAccessPolicy`)',
    features: ['attendance'],
    reference: 'https://learn.microsoft.com/graph/api/onlinemeeting-get',
    calls: [{ method: 'GET', path: new RegExp(`^${users}/onlineMeetings$`) }],
  },
  {
    name: 'OnlineMeetingArtifact.Read.All',
    type: 'application',
    optional: true,
    why: 'Optional: the Teams meeting’s attendance reports, so a session both people joined is marked held without asking them; without it the after-session cards decide. Needs the same application access policy',
    features: ['attendance'],
    reference: 'https://learn.microsoft.com/graph/api/meetingattendancereport-list',
    calls: [
      {
        method: 'GET',
        path: new RegExp(`^${users}/onlineMeetings/[^/]+/attendanceReports(/[^/]+(/attendanceRecords)?)?$`),
      },
    ],
  },
  {
    name: 'Application.Read.All',
    type: 'application',
    optional: true,
    why: 'Optional: who is assigned the app’s DepartmentLead and ProgramOwner roles (`/servicePrincipals(appId=…)/appRoleAssignedTo`), so the weekly digests reach them; without it only the people the owner saved get digests',
    features: ['digests'],
    reference: 'https://learn.microsoft.com/graph/api/serviceprincipal-list-approleassignedto',
    calls: [{ method: 'GET', path: /^\/servicePrincipals(\(appId='[^']+'\)|\/[^/]+)(\/appRoleAssignedTo)?$/ }],
  },
  {
    name: 'Chat.Create',
    type: 'delegated',
    why: 'finding or creating the pair’s one-on-one chat, as the person who books (on-behalf-of)',
    features: ['agenda to pair chat'],
    reference: 'https://learn.microsoft.com/graph/api/chat-post',
    calls: [{ method: 'POST', path: /^\/chats$/ }],
  },
  {
    name: 'ChatMessage.Send',
    type: 'delegated',
    why: 'posting the agenda card to the pair’s chat and the meeting chat as the person who books (Graph allows no app-only posting outside migration)',
    features: ['agenda to pair chat', 'agenda to meeting chat'],
    reference: 'https://learn.microsoft.com/graph/api/chat-post-messages',
    calls: [{ method: 'POST', path: /^\/chats\/[^/]+\/messages$/ }],
  },
  {
    name: 'OnlineMeetings.Read',
    type: 'delegated',
    why: 'finding the Teams meeting’s chat from its join link (`/me/onlineMeetings?$filter=JoinWebUrl eq …`)',
    features: ['agenda to meeting chat'],
    reference: 'https://learn.microsoft.com/graph/api/onlinemeeting-get',
    calls: [{ method: 'GET', path: /^\/me\/onlineMeetings$/ }],
  },
];

export const permissionsOfType = (type: PermissionType): string[] =>
  graphPermissions.filter((p) => p.type === type).map((p) => p.name);

/** The permission of the list that authorizes a Graph call, if Reciprocal makes that call. */
export function permissionFor(method: string, path: string): GraphPermission | null {
  const bare = path.split('?')[0]!.replace(/^\/(v1\.0|beta)(?=\/)/, '');
  return (
    graphPermissions.find((p) =>
      p.calls.some((c) => c.method === method.toUpperCase() && c.path.test(decodeURIComponent(bare))),
    ) ?? null
  );
}

/** How the admin fixes a missing permission, in one sentence. */
export function grantAdvice(p: Pick<GraphPermission, 'name' | 'type'>): string {
  return `grant Microsoft Graph ${p.type} permission ${p.name} to the app (Entra admin center → App registrations → Reciprocal → API permissions → Add → Microsoft Graph → ${p.type === 'application' ? 'Application' : 'Delegated'} permissions) and grant admin consent`;
}

/**
 * Microsoft 365 clients to pre-authorize on the `access_as_user` scope, so Teams
 * and Outlook get tokens for Reciprocal's API without a consent prompt
 * (classic SSO; nested app authentication needs none).
 * https://learn.microsoft.com/microsoftteams/platform/m365-apps/extend-m365-teams-personal-tab#update-microsoft-entra-app-registration-for-sso
 */
export const preAuthorizedClients: ReadonlyArray<{ id: string; client: string }> = [
  { id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', client: 'Teams desktop and mobile' },
  { id: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', client: 'Teams web' },
  { id: '4765445b-32c6-49b0-83e6-1d93765276ca', client: 'Microsoft 365 web' },
  { id: '0ec893e0-5785-4de6-99da-4ed124e5296c', client: 'Microsoft 365 desktop' },
  { id: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', client: 'Microsoft 365 mobile and Outlook desktop' },
  { id: 'bc59ab01-8403-45c6-8796-ac3ef710b3e3', client: 'Outlook on the web' },
  { id: '27922004-5251-4030-b22d-91ecd9a37ea4', client: 'Outlook mobile' },
];
