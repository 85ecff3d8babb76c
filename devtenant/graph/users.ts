// Directory: /users (filter, select, top, paging), /users/{id|upn}, manager,
// mailboxSettings, and /me for delegated tokens.
import { GraphError, notFound } from '../graphErrors.js';
import type { DevTenantStore, DirectoryUser } from '../store.js';
import type { GraphRequest, GraphRoute } from './dispatch.js';
import { applySelect, graphContext, matchesFilter, page, parseFilter, parseSelect, parseTop } from './odata.js';

/** Where a demo person works, from their time zone. */
function placeOf(timeZone: string): { city: string; country: string; usageLocation: string } {
  if (timeZone === 'Europe/London') return { city: 'London', country: 'United Kingdom', usageLocation: 'GB' };
  if (timeZone === 'Asia/Kolkata') return { city: 'Bengaluru', country: 'India', usageLocation: 'IN' };
  return { city: timeZone.split('/')[1]!.replace(/_/g, ' '), country: 'United States', usageLocation: 'US' };
}

/** A user as Graph returns it; default properties unless $select asks for more. */
export function userResource(u: DirectoryUser, select: string[] | null): Record<string, unknown> {
  const all: Record<string, unknown> = {
    businessPhones: u.businessPhones,
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: u.mobilePhone,
    officeLocation: u.officeLocation,
    preferredLanguage: u.preferredLanguage,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
  };
  if (!select) return all;
  const place = placeOf(u.timeZone);
  const extended: Record<string, unknown> = {
    ...all,
    department: u.department,
    accountEnabled: true,
    city: place.city,
    country: place.country,
    usageLocation: place.usageLocation,
    mailNickname: u.userPrincipalName.split('@')[0],
    otherMails: [],
    userType: 'Member',
  };
  return applySelect(extended, select, []);
}

function userFromPath(store: DevTenantStore, req: GraphRequest): DirectoryUser {
  const key = req.params.user === 'me' || req.params.user === undefined ? req.caller.userId : req.params.user;
  if (!key) throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  const u = store.findUser(key);
  if (!u)
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return u;
}

export const userSegment = String.raw`(?:/users/(?<user>[^/]+)|/(?<me>me))`;

export function directoryRoutes(store: DevTenantStore): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/users$/,
      kind: 'users.list',
      handle: (req) => {
        const select = parseSelect(req.query);
        const filterText = req.query.get('$filter');
        const filter = filterText ? parseFilter(filterText) : null;
        const top = parseTop(req.query, 100, 999);
        let users = store.allUsers();
        if (filter) {
          users = users.filter((u) => matchesFilter(filter, (p) => (u as unknown as Record<string, unknown>)[p]));
        }
        const { value, nextLink } = page(
          users.map((u) => userResource(u, select)),
          req.query,
          req.baseUrl,
          '/users',
          top,
        );
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#users${select ? `(${select.join(',')})` : ''}`,
            ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
            value,
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${userSegment}$`),
      kind: 'users.get',
      handle: (req) => {
        const select = parseSelect(req.query);
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#users/$entity`,
            ...userResource(userFromPath(store, req), select),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${userSegment}/manager$`),
      kind: 'users.manager',
      handle: (req) => {
        const u = userFromPath(store, req);
        const manager = u.managerId ? store.findUser(u.managerId) : null;
        if (!manager) throw notFound(`Manager of '${u.id}'`);
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#directoryObjects/$entity`,
            '@odata.type': '#microsoft.graph.user',
            ...userResource(manager, parseSelect(req.query)),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${userSegment}/mailboxSettings$`),
      kind: 'users.mailboxSettings',
      mailbox: (p) => p.user ?? null,
      handle: (req) => {
        const u = userFromPath(store, req);
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#users('${u.id}')/mailboxSettings`,
            timeZone: u.windowsTimeZone,
            dateFormat: 'M/d/yyyy',
            timeFormat: 'h:mm tt',
            userPurpose: 'user',
            workingHours: {
              daysOfWeek: u.workingHours.daysOfWeek,
              startTime: `${u.workingHours.startTime}.0000000`,
              endTime: `${u.workingHours.endTime}.0000000`,
              timeZone: { name: u.windowsTimeZone },
            },
          },
        };
      },
    },
  ];
}

export { userFromPath };
