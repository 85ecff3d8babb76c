// The tab's pages: where each lives, its code (loaded when opened) and the
// data it asks for first. Opening a page (a deep link, a Teams subPageId or a
// click) starts both together, so the page is usable one round trip after its
// code arrives instead of two. The benchmark (bench/tab.ts) walks this table.
import type { ComponentType } from 'react';
import { matchPath } from 'react-router';
import type { Me, Role } from '../core/schemas.js';
import { minuteMs } from '../core/time.js';

/** What a route's data preload may do: start GETs the page's own API calls then pick up (ApiClient.prime). */
export interface DataPrimer {
  prime(path: string, options?: { sameAs?: (path: string) => boolean }): void;
}

export interface RouteDataContext {
  params: Readonly<Record<string, string | undefined>>;
  /** Who is signed in; still loading when a page is opened by deep link. */
  me: Promise<Me>;
}

export type PrimeRouteData = (api: DataPrimer, route: RouteDataContext) => void;

export interface TabRoute {
  /** Under /tab: '' is the index, '*' anything else, `:name` a parameter. */
  path: string;
  /** The page's folder under src/tab/pages; a `preload.ts` there may add to `data` (see pagePreloads.ts). */
  folder: string;
  page: () => Promise<{ default: ComponentType }>;
  data?: PrimeRouteData;
  /** Who the page is for when not everyone (the header shows it to them; the benchmark opens it as one). */
  roles?: readonly Role[];
}

const myPairs = () => import('./pages/pairs/MyPairsPage.js').then((module) => ({ default: module.MyPairsPage }));
const primePairs: PrimeRouteData = (api) => api.prime('/api/pairs');

/** The dashboard asks for the last 90 days from the moment it mounts: any request for about the same period will do. */
const dashboardDays = 90;
function samePeriod(primedPath: string): (path: string) => boolean {
  const period = (path: string) => {
    const url = new URL(path, 'http://tab');
    return {
      at: url.pathname,
      from: Date.parse(url.searchParams.get('from') ?? ''),
      to: Date.parse(url.searchParams.get('to') ?? ''),
    };
  };
  const primed = period(primedPath);
  return (path) => {
    const asked = period(path);
    return (
      asked.at === primed.at &&
      Math.abs(asked.from - primed.from) < minuteMs &&
      Math.abs(asked.to - primed.to) < minuteMs &&
      !new URL(path, 'http://tab').searchParams.has('format')
    );
  };
}
const primeDashboard: PrimeRouteData = (api, { me }) => {
  void me.then(
    (person) => {
      const owner = person.roles.includes('ProgramOwner');
      if (!owner && !(person.roles.includes('DepartmentLead') && person.department)) return;
      const to = new Date();
      const from = new Date(to.getTime() - dashboardDays * 24 * 60 * minuteMs);
      const query = `?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
      const path = owner
        ? `/api/program/dashboard${query}`
        : `/api/departments/${encodeURIComponent(person.department!)}/dashboard${query}`;
      api.prime(path, { sameAs: samePeriod(path) });
    },
    () => undefined,
  );
};

export const tabRoutes: readonly TabRoute[] = [
  { path: '', folder: 'pairs', page: myPairs, data: primePairs },
  {
    path: 'pairs/:pairId',
    folder: 'schedule',
    page: () => import('./pages/schedule/SchedulePage.js'),
    data: (api, { params }) => {
      const pair = `/api/pairs/${encodeURIComponent(params['pairId'] ?? '')}`;
      api.prime(pair);
      api.prime(`${pair}/history`);
    },
  },
  {
    path: 'pairs/:pairId/history',
    folder: 'history',
    page: () => import('./pages/history/PairHistoryPage.js'),
    data: (api, { params }) => api.prime(`/api/pairs/${encodeURIComponent(params['pairId'] ?? '')}/history`),
  },
  {
    path: 'profile',
    folder: 'profile',
    page: () => import('./pages/profile/ProfilePage.js'),
    data: (api) => api.prime('/api/me/profile'),
  },
  {
    path: 'growth',
    folder: 'growth',
    page: () => import('./pages/growth/GrowthPage.js'),
    data: (api) => api.prime('/api/me/growth'),
  },
  {
    path: 'notifications',
    folder: 'notifications',
    page: () => import('./pages/notifications/NotificationsPage.js'),
    data: (api) => api.prime('/api/me/notifications'),
  },
  {
    path: 'rounds',
    folder: 'rounds',
    page: () => import('./pages/rounds/RoundsPage.js'),
    data: (api) => {
      api.prime('/api/rounds');
      api.prime('/api/enrollment/profiles');
      api.prime('/api/rounds/change-requests');
    },
    roles: ['ProgramOwner'],
  },
  {
    path: 'sessions/:sessionId',
    folder: 'session',
    page: () => import('./pages/session/SessionPage.js'),
    data: (api, { params }) => api.prime(`/api/sessions/${encodeURIComponent(params['sessionId'] ?? '')}`),
  },
  {
    path: 'admin',
    folder: 'admin',
    page: () => import('./pages/admin/AdminPage.js'),
    data: (api) => api.prime('/api/program/pairs'),
    roles: ['ProgramOwner'],
  },
  {
    path: 'dashboard',
    folder: 'dashboard',
    page: () => import('./pages/dashboard/DashboardPage.js'),
    data: primeDashboard,
    roles: ['DepartmentLead', 'ProgramOwner'],
  },
  { path: 'config', folder: 'config', page: () => import('./pages/config/ConfigPage.js') },
  { path: 'meeting', folder: 'meeting', page: () => import('./pages/meeting/MeetingPage.js') },
  { path: '*', folder: 'pairs', page: myPairs, data: primePairs },
];

/** The route a tab URL opens and its parameters; null outside /tab. */
export function routeFor(pathname: string): { route: TabRoute; params: Record<string, string | undefined> } | null {
  if (!/^\/tab(\/|$)/.test(pathname)) return null;
  for (const route of tabRoutes) {
    const pattern = route.path === '' ? '/tab' : `/tab/${route.path}`;
    const match = matchPath({ path: pattern, end: true }, pathname);
    if (match) return { route, params: match.params };
  }
  return null;
}

/** Starts loading the code of the page a URL opens; needs no sign-in, so it starts first. */
export function startPageCode(pathname: string): void {
  routeFor(pathname)
    ?.route.page()
    .catch(() => undefined);
}

/** Starts the first GETs of the page a URL opens; its own API calls pick them up. */
export function startPageData(api: DataPrimer, pathname: string, me: Promise<Me>): void {
  const opened = routeFor(pathname);
  opened?.route.data?.(api, { params: opened.params, me });
}
