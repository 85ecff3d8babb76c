// The tab's pages: where each lives, its code (loaded when opened) and the
// data it asks for first. Opening a page (a deep link, a Teams subPageId or a
// click) starts both together, so the page is usable one round trip after its
// code arrives instead of two. The benchmark (bench/tab.ts) walks this table.
import type { ComponentType } from 'react';
import type { Role } from '../core/schemas.js';
import { minuteMs } from '../core/time.js';
import { dashboardPath, lastDays, openingPeriod, outcomesPath } from './dashboardPaths.js';
import { routePaths, type PageFolder } from './routePaths.js';

/** What a route's data preload may do: start GETs the page's own API calls then pick up (ApiClient.prime). */
export interface DataPrimer {
  prime(path: string, options?: { sameAs?: (path: string) => boolean }): void;
}

export interface RouteDataContext {
  params: Readonly<Record<string, string | undefined>>;
}

export type PrimeRouteData = (api: DataPrimer, route: RouteDataContext) => void;

export interface TabRoute {
  /** Under /tab: '' is the index, '*' anything else, `:name` a parameter. */
  path: string;
  /** The page's folder under src/tab/pages (routePaths.ts). */
  folder: PageFolder;
  page: () => Promise<{ default: ComponentType }>;
  data?: PrimeRouteData;
  /** Who the page is for when not everyone (the header shows it to them; the benchmark opens it as one). */
  roles?: readonly Role[];
}

const myPairs = () => import('./pages/pairs/MyPairsPage.js').then((module) => ({ default: module.MyPairsPage }));
const primePairs: PrimeRouteData = (api) => {
  api.prime('/api/pairs');
  // The agreements each pair card shows as signed or pending (useMyPairs).
  api.prime('/api/me/agreements');
};

/** The dashboard asks for its opening period from the moment it mounts: any request for about the same period will do. */
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
/**
 * The caller's own dashboard and outcomes (the program for the owner, a lead's department), asked before /api/me
 * has answered: whose they are is the server's to tell (src/tab/pages/dashboard/useDashboard.ts).
 */
const primeDashboard: PrimeRouteData = (api) => {
  const path = dashboardPath(null, true, lastDays(openingPeriod));
  api.prime(path, { sameAs: samePeriod(path) });
  api.prime(outcomesPath(null));
};

/** What each page folder holds: its page (loaded when opened), its first GETs and who it is for. */
const pages: Record<PageFolder, Omit<TabRoute, 'path' | 'folder'>> = {
  pairs: { page: myPairs, data: primePairs },
  schedule: {
    page: () => import('./pages/schedule/SchedulePage.js'),
    data: (api, { params }) => {
      const pair = `/api/pairs/${encodeURIComponent(params['pairId'] ?? '')}`;
      api.prime(pair);
      api.prime(`${pair}/history`);
    },
  },
  history: {
    page: () => import('./pages/history/PairHistoryPage.js'),
    data: (api, { params }) => api.prime(`/api/pairs/${encodeURIComponent(params['pairId'] ?? '')}/history`),
  },
  profile: { page: () => import('./pages/profile/ProfilePage.js'), data: (api) => api.prime('/api/me/profile') },
  growth: { page: () => import('./pages/growth/GrowthPage.js'), data: (api) => api.prime('/api/me/growth') },
  notifications: {
    page: () => import('./pages/notifications/NotificationsPage.js'),
    data: (api) => api.prime('/api/me/notifications'),
  },
  rounds: {
    page: () => import('./pages/rounds/RoundsPage.js'),
    data: (api) => {
      api.prime('/api/rounds');
      api.prime('/api/enrollment/profiles');
      api.prime('/api/rounds/change-requests');
    },
    roles: ['ProgramOwner'],
  },
  session: {
    page: () => import('./pages/session/SessionPage.js'),
    data: (api, { params }) => {
      const session = `/api/sessions/${encodeURIComponent(params['sessionId'] ?? '')}`;
      api.prime(session);
      // My note's draft kept in the tenant (src/ui/note/noteDrafts.ts), read as the note opens.
      api.prime(`${session}/notes/me/draft`);
      // "Did it happen?" (SessionLoop), shown once the session has started: a deep link is mostly to one that has.
      api.prime(`${session}/loop`);
    },
  },
  admin: {
    page: () => import('./pages/admin/AdminPage.js'),
    data: (api) => {
      api.prime('/api/program/pairs');
      api.prime('/api/program/agreement-template');
      api.prime('/api/session-loop/attention');
    },
    roles: ['ProgramOwner'],
  },
  dashboard: {
    page: () => import('./pages/dashboard/DashboardPage.js'),
    data: primeDashboard,
    roles: ['DepartmentLead', 'ProgramOwner'],
  },
  config: { page: () => import('./pages/config/ConfigPage.js') },
  meeting: { page: () => import('./pages/meeting/MeetingPage.js') },
};

export const tabRoutes: readonly TabRoute[] = routePaths.map(({ path, folder }) => ({
  path,
  folder,
  ...pages[folder],
}));

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The parameters of a path a route pattern matches, else null. react-router's
 * rules (case-insensitive, `:name` one segment, `*` the rest, a trailing slash
 * ignored), written out so the tab's first script needs no router.
 */
export function matchRoutePattern(pattern: string, pathname: string): Record<string, string | undefined> | null {
  const parts = pathname.replace(/\/+$/, '').split('/');
  const wanted = pattern.split('/');
  const params: Record<string, string | undefined> = {};
  for (const [i, segment] of wanted.entries()) {
    if (segment === '*') return { ...params, '*': parts.slice(i).join('/') };
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.startsWith(':')) {
      if (!part) return null;
      params[segment.slice(1)] = decoded(part);
    } else if (segment.toLowerCase() !== part.toLowerCase()) return null;
  }
  return parts.length === wanted.length ? params : null;
}

/** The route a tab URL opens and its parameters; null outside /tab. */
export function routeFor(pathname: string): { route: TabRoute; params: Record<string, string | undefined> } | null {
  if (!/^\/tab(\/|$)/i.test(pathname)) return null;
  for (const route of tabRoutes) {
    const params = matchRoutePattern(route.path === '' ? '/tab' : `/tab/${route.path}`, pathname);
    if (params) return { route, params };
  }
  return null;
}

type PageModule = { default: ComponentType };
const pageLoads = new Map<string, Promise<PageModule>>();
const loadedPages = new Map<string, ComponentType>();

/** A route's page code, asked for once (a failure may be asked again). */
export function loadPage(route: TabRoute): Promise<PageModule> {
  let load = pageLoads.get(route.folder);
  if (!load) {
    load = route.page().then((module) => {
      loadedPages.set(route.folder, module.default);
      return module;
    });
    load.catch(() => pageLoads.delete(route.folder));
    pageLoads.set(route.folder, load);
  }
  return load;
}

/** The page, when its code has already arrived: rendered at once, without a Suspense fallback in between. */
export function loadedPage(route: TabRoute): ComponentType | null {
  return loadedPages.get(route.folder) ?? null;
}

/** Starts loading the code of the page a URL opens (needs no sign-in, so it starts first); resolves when it is there. */
export function startPageCode(pathname: string): Promise<unknown> {
  const opened = routeFor(pathname);
  return opened ? loadPage(opened.route).catch(() => undefined) : Promise.resolve();
}

/** Starts the first GETs of the page a URL opens; its own API calls pick them up. */
export function startPageData(api: DataPrimer, pathname: string): void {
  const opened = routeFor(pathname);
  opened?.route.data?.(api, { params: opened.params });
}
