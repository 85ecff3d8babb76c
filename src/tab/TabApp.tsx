import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoadBoundary } from './components/LoadBoundary.js';
import { PageSkeleton } from './components/PageSkeleton.js';
import { TabRuntimeProvider } from './host/TabRuntimeProvider.js';
import { tabRoutes } from './routes.js';
import { Shell } from './Shell.js';

// Every page loads when opened (main.tsx starts the opened page's code before
// anything else), so the first bundle is the shell, sign-in and the API client.
// A declarative router: the data router's loaders are not used, and it is half
// the size; route preloads live in routes.ts.
const pages = tabRoutes.map((route) => ({ path: route.path, Page: lazy(route.page) }));

const later = (page: ReactNode) => (
  <LoadBoundary>
    <Suspense fallback={<PageSkeleton />}>{page}</Suspense>
  </LoadBoundary>
);

export function TabApp() {
  return (
    <TabRuntimeProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/tab" element={<Shell />}>
            {pages.map(({ path, Page }) =>
              path === '' ? (
                <Route key="index" index element={later(<Page />)} />
              ) : (
                <Route key={path} path={path} element={later(<Page />)} />
              ),
            )}
          </Route>
        </Routes>
      </BrowserRouter>
    </TabRuntimeProvider>
  );
}
