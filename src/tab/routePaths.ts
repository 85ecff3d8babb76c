// Where each page of the tab lives: its path under /tab and its folder under
// src/tab/pages. Plain data with no imports, so the build (vite.config.ts) can
// read it too and tell the HTML which chunks each URL needs (see
// host/routeChunkPreload.ts). Order matters: the first match wins.

export const routePaths = [
  { path: '', folder: 'pairs' },
  { path: 'pairs/:pairId', folder: 'schedule' },
  { path: 'pairs/:pairId/history', folder: 'history' },
  { path: 'profile', folder: 'profile' },
  { path: 'growth', folder: 'growth' },
  { path: 'notifications', folder: 'notifications' },
  { path: 'rounds', folder: 'rounds' },
  { path: 'sessions/:sessionId', folder: 'session' },
  { path: 'admin', folder: 'admin' },
  { path: 'dashboard', folder: 'dashboard' },
  { path: 'config', folder: 'config' },
  { path: 'meeting', folder: 'meeting' },
  { path: '*', folder: 'pairs' },
] as const;

export type PageFolder = (typeof routePaths)[number]['folder'];
