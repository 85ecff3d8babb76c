// What authorizes each Graph route of the dev tenant, from the *Permissions*
// table of that API's Microsoft Graph reference page: any one listed
// permission suffices, application ones read from an app-only token's `roles`,
// delegated ones from a user token's `scp`. A route with no entry here is
// refused, so a new route cannot slip in unchecked. Denials carry the body the
// API's workload returns (Exchange, Entra directory, SharePoint, Teams).
// https://learn.microsoft.com/graph/permissions-overview (application permissions in `roles`, delegated in `scp`)
import { GraphError } from '../graphErrors.js';
import type { GraphCaller } from './dispatch.js';

type Workload = 'exchange' | 'directory' | 'sharepoint' | 'teams';

export interface RoutePermissions {
  /** Application permissions (client credentials); [] when the API has none ("Not supported"). */
  application: readonly string[];
  /** Delegated (work or school account) permissions. */
  delegated: readonly string[];
  /** Delegated permissions that reach only the signed-in user's own resource (`/me`). */
  delegatedSelf?: readonly string[];
  workload: Workload;
}

// The directory's higher-privileged permissions, listed on every user page.
// https://learn.microsoft.com/graph/api/user-list , https://learn.microsoft.com/graph/api/user-get
const directoryRead = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

// Sites.Selected authorizes an app only on sites an admin granted it (POST /sites/{id}/permissions). The dev
// tenant holds one site, the program site, and treats it as granted `fullcontrol`, as docs/deploy.md asks: so
// Sites.Selected suffices for every SharePoint route here, including creating lists and columns (which a `write`
// grant could not do). https://learn.microsoft.com/graph/permissions-selected-overview
const selected = ['Sites.Selected'];

export const routePermissions: Readonly<Record<string, RoutePermissions>> = {
  // https://learn.microsoft.com/graph/api/user-list
  'users.list': {
    application: directoryRead,
    delegated: ['User.ReadBasic.All', ...directoryRead],
    workload: 'directory',
  },
  // https://learn.microsoft.com/graph/api/user-get (User.Read: the signed-in user only)
  'users.get': {
    application: directoryRead,
    delegated: ['User.ReadBasic.All', ...directoryRead],
    delegatedSelf: ['User.Read', 'User.ReadWrite'],
    workload: 'directory',
  },
  // https://learn.microsoft.com/graph/api/user-list-manager — the generated include says application "Not
  // supported", which the sibling agentUser page and real tenants contradict; both readings are not possible at
  // once, so the dev tenant follows the tenants (User.Read.All) and the product lists it as such.
  'users.manager': { application: directoryRead, delegated: directoryRead, workload: 'directory' },
  // https://learn.microsoft.com/graph/api/group-list-members (least privileged first)
  'groups.members': {
    application: [
      'GroupMember.Read.All',
      'Group.Read.All',
      'GroupMember.ReadWrite.All',
      'Group.ReadWrite.All',
      ...directoryRead,
    ],
    delegated: [
      'GroupMember.Read.All',
      'Group.Read.All',
      'GroupMember.ReadWrite.All',
      'Group.ReadWrite.All',
      ...directoryRead,
    ],
    workload: 'directory',
  },
  // https://learn.microsoft.com/graph/api/user-get-mailboxsettings
  'users.mailboxSettings': {
    application: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
    delegated: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
    workload: 'exchange',
  },
  // https://learn.microsoft.com/graph/api/calendar-getschedule
  getSchedule: {
    application: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
    delegated: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
    workload: 'exchange',
  },
  // https://learn.microsoft.com/graph/api/user-findmeetingtimes — application: "Not supported".
  findMeetingTimes: { application: [], delegated: ['Calendars.Read', 'Calendars.ReadWrite'], workload: 'exchange' },
  // https://learn.microsoft.com/graph/api/user-list-calendarview , https://learn.microsoft.com/graph/api/user-list-events
  'events.list': {
    application: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
    delegated: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
    workload: 'exchange',
  },
  // https://learn.microsoft.com/graph/api/event-get
  'events.get': {
    application: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
    delegated: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
    workload: 'exchange',
  },
  // https://learn.microsoft.com/graph/api/user-post-events , event-update , event-delete
  'events.create': { application: ['Calendars.ReadWrite'], delegated: ['Calendars.ReadWrite'], workload: 'exchange' },
  'events.update': { application: ['Calendars.ReadWrite'], delegated: ['Calendars.ReadWrite'], workload: 'exchange' },
  'events.delete': { application: ['Calendars.ReadWrite'], delegated: ['Calendars.ReadWrite'], workload: 'exchange' },
  // https://learn.microsoft.com/graph/api/onlinemeeting-get (by joinWebUrl; app-only also needs an application
  // access policy, which the dev tenant does not model)
  'onlineMeetings.list': {
    application: ['OnlineMeetings.Read.All', 'OnlineMeetings.ReadWrite.All'],
    delegated: ['OnlineMeetings.Read', 'OnlineMeetings.ReadWrite'],
    workload: 'teams',
  },
  // https://learn.microsoft.com/graph/api/meetingattendancereport-list , meetingattendancereport-get ,
  // attendancerecord-list (application: OnlineMeetingArtifact.Read.All, "Not available" above it; app-only also
  // needs an application access policy for the organizer, which the dev tenant does not model)
  'attendanceReports.list': meetingArtifacts(),
  'attendanceReports.get': meetingArtifacts(),
  'attendanceRecords.list': meetingArtifacts(),
  // https://learn.microsoft.com/graph/api/serviceprincipal-get ,
  // https://learn.microsoft.com/graph/api/serviceprincipal-list-approleassignedto (least privileged first)
  'servicePrincipals.get': applicationsRead(),
  'servicePrincipals.appRoleAssignedTo': applicationsRead(),
  // https://learn.microsoft.com/graph/api/chat-post
  'chats.create': { application: ['Chat.Create'], delegated: ['Chat.Create', 'Chat.ReadWrite'], workload: 'teams' },
  // https://learn.microsoft.com/graph/api/chat-get
  'chats.get': {
    application: ['ChatSettings.Read.Chat', 'Chat.ReadBasic.All', 'Chat.Read.All', 'Chat.ReadWrite.All'],
    delegated: ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'],
    workload: 'teams',
  },
  // https://learn.microsoft.com/graph/api/chat-post-messages — application: Teamwork.Migrate.All only ("Application
  // permissions are only supported for migration"), so an app posts into chats as a user or as its bot.
  'chatMessages.create': {
    application: ['Teamwork.Migrate.All'],
    delegated: ['ChatMessage.Send', 'Chat.ReadWrite', 'Group.ReadWrite.All'],
    workload: 'teams',
  },
  // https://learn.microsoft.com/graph/api/chat-list-messages
  'chatMessages.list': {
    application: ['Chat.Read.All', 'Chat.ReadWrite.All'],
    delegated: ['Chat.Read', 'Chat.ReadWrite'],
    workload: 'teams',
  },
  // https://learn.microsoft.com/graph/api/userteamwork-post-installedapps (least privileged first; the "Self"
  // permissions only install the calling app, which is all Reciprocal does)
  'teamsApps.installForUser': {
    application: [
      'TeamsAppInstallation.ReadWriteSelfForUser.All',
      'TeamsAppInstallation.ManageSelectedForUser.All',
      'TeamsAppInstallation.ReadWriteAndConsentForUser.All',
      'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All',
      'TeamsAppInstallation.ReadWriteForUser.All',
      'TeamsAppInstallation.ReadWriteSelectedForUser.All',
    ],
    delegated: [
      'TeamsAppInstallation.ReadWriteSelfForUser',
      'TeamsAppInstallation.ManageSelectedForUser',
      'TeamsAppInstallation.ReadWriteAndConsentForUser',
      'TeamsAppInstallation.ReadWriteAndConsentSelfForUser',
      'TeamsAppInstallation.ReadWriteForUser',
      'TeamsAppInstallation.ReadWriteSelectedForUser',
    ],
    workload: 'teams',
  },
  // https://learn.microsoft.com/graph/api/chat-post-installedapps ("If the chat is associated with an onlineMeeting
  // instance, then, effectively, the teamsApp will get installed to the meeting.")
  'teamsApps.installInChat': {
    application: [
      'TeamsAppInstallation.ReadWriteSelfForChat.All',
      'TeamsAppInstallation.ManageSelectedForChat.All',
      'TeamsAppInstallation.ReadWriteAndConsentForChat.All',
      'TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All',
      'TeamsAppInstallation.ReadWriteForChat.All',
    ],
    delegated: [
      'TeamsAppInstallation.ReadWriteSelfForChat',
      'TeamsAppInstallation.ManageSelectedForChat',
      'TeamsAppInstallation.ReadWriteAndConsentForChat',
      'TeamsAppInstallation.ReadWriteAndConsentSelfForChat',
      'TeamsAppInstallation.ReadWriteForChat',
    ],
    workload: 'teams',
  },
  // https://learn.microsoft.com/graph/api/site-get , https://learn.microsoft.com/graph/api/site-getbypath
  'sites.get': sitesRead(),
  'sites.getByPath': sitesRead(),
  // https://learn.microsoft.com/graph/api/list-list , list-get , list-list-columns
  'lists.list': sitesRead(),
  'lists.get': sitesRead(),
  'columns.list': sitesRead(),
  // https://learn.microsoft.com/graph/api/list-create , https://learn.microsoft.com/graph/api/list-post-columns
  'lists.create': {
    application: ['Sites.Manage.All', 'Sites.ReadWrite.All', 'Sites.FullControl.All', ...selected],
    delegated: ['Sites.Manage.All', 'Sites.FullControl.All'],
    workload: 'sharepoint',
  },
  'columns.create': {
    application: ['Sites.Manage.All', 'Sites.FullControl.All', ...selected],
    delegated: ['Sites.Manage.All', 'Sites.FullControl.All'],
    workload: 'sharepoint',
  },
  // https://learn.microsoft.com/graph/api/listitem-list , listitem-get
  'listItems.list': sitesRead(),
  'listItems.get': sitesRead(),
  // https://learn.microsoft.com/graph/api/listitem-create , listitem-update , listitem-delete
  'listItems.create': sitesWrite(),
  'listItems.update': sitesWrite(),
  'listItems.delete': sitesWrite(),
};

function meetingArtifacts(): RoutePermissions {
  return {
    application: ['OnlineMeetingArtifact.Read.All'],
    delegated: ['OnlineMeetingArtifact.Read.All'],
    workload: 'teams',
  };
}

function applicationsRead(): RoutePermissions {
  const higher = ['Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
  return {
    application: ['Application.Read.All', ...higher, 'Application.ReadWrite.OwnedBy'],
    delegated: ['Application.Read.All', ...higher],
    workload: 'directory',
  };
}

function sitesRead(): RoutePermissions {
  const all = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
  return { application: [...all, ...selected], delegated: all, workload: 'sharepoint' };
}

function sitesWrite(): RoutePermissions {
  const all = ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
  return { application: [...all, ...selected], delegated: all, workload: 'sharepoint' };
}

// The bodies each workload answers a permission denial with. Exchange:
// github.com/microsoftgraph/msgraph-sdk-javascript/issues/378 ; Entra directory:
// https://learn.microsoft.com/answers/questions/6019739/ ; SharePoint: the documented generic `accessDenied`
// (https://learn.microsoft.com/graph/errors). Teams' wording is observed, not documented (unverified): callers
// should branch on the status and code only, as the errors page advises.
const denials: Record<Workload, { code: string; message: string }> = {
  exchange: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' },
  directory: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
  sharepoint: { code: 'accessDenied', message: 'Access denied' },
  teams: { code: 'Forbidden', message: "Missing role permissions on the request. API requires one of '{perms}'." },
};

/** Throws Graph's 403 unless the caller's token carries one of the permissions the route's API accepts. */
export function requirePermission(kind: string, caller: GraphCaller, params: Record<string, string>): void {
  const needed = routePermissions[kind];
  const delegated = caller.userId !== null;
  if (needed) {
    const accepted = delegated
      ? [...needed.delegated, ...(params['me'] !== undefined ? (needed.delegatedSelf ?? []) : [])]
      : needed.application;
    const held = delegated ? caller.scopes : caller.roles;
    if (accepted.some((p) => held.includes(p))) return;
  }
  const denial = denials[needed?.workload ?? 'directory'];
  const accepted = needed ? (delegated ? needed.delegated : needed.application) : [];
  throw new GraphError(403, denial.code, denial.message.replace('{perms}', accepted.join(', ') || 'none'));
}
