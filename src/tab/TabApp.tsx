import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoadBoundary } from './components/LoadBoundary.js';
import { PageSkeleton } from './components/PageSkeleton.js';
import { TabRuntimeProvider } from './host/TabRuntimeProvider.js';
import type { TabBoot } from './host/startTab.js';
import { loadedPage, loadPage, tabRoutes, type TabRoute } from './routes.js';
import { Shell } from './Shell.js';

// Every page loads when opened (main.tsx starts the opened page's code before
// anything else), so the first bundle is the shell, sign-in and the API client.
// A declarative router: the data router's loaders are not used, and it is half
// the size; route preloads live in routes.ts.

/**
 * A page whose code has arrived renders at once; one still loading suspends.
 * Not suspending matters beyond the skeleton: React holds back the content that
 * replaces a Suspense fallback until 300 ms after the fallback appeared.
 */
function routePage(route: TabRoute): ComponentType {
  const Lazy = lazy(() => loadPage(route));
  return function RoutePage() {
    const Loaded = loadedPage(route);
    return Loaded ? <Loaded /> : <Lazy />;
  };
}

const pages = tabRoutes.map((route) => ({ path: route.path, Page: routePage(route) }));

const later = (page: ReactNode) => (
  <LoadBoundary>
    <Suspense fallback={<PageSkeleton />}>{page}</Suspense>
  </LoadBoundary>
);

export function TabApp({ boot }: { boot?: TabBoot }) {
  return (
    <TabRuntimeProvider boot={boot}>
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
