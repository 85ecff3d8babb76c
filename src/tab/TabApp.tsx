import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { PageSkeleton } from './components/PageSkeleton.js';
import { TabRuntimeProvider } from './host/TabRuntimeProvider.js';
import { MyPairsPage } from './pages/pairs/MyPairsPage.js';
import { Shell } from './Shell.js';

// Only "My pairs" is in the first bundle; every other page loads when opened
// (admin and the dashboard with its charts are the big ones).
const SchedulePage = lazy(() => import('./pages/schedule/SchedulePage.js'));
const SessionPage = lazy(() => import('./pages/session/SessionPage.js'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage.js'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.js'));
const ConfigPage = lazy(() => import('./pages/config/ConfigPage.js'));
const MeetingPage = lazy(() => import('./pages/meeting/MeetingPage.js'));

const later = (page: ReactNode) => <Suspense fallback={<PageSkeleton />}>{page}</Suspense>;

const router = createBrowserRouter([
  {
    path: '/tab',
    element: <Shell />,
    children: [
      { index: true, element: <MyPairsPage /> },
      { path: 'pairs/:pairId', element: later(<SchedulePage />) },
      { path: 'sessions/:sessionId', element: later(<SessionPage />) },
      { path: 'admin', element: later(<AdminPage />) },
      { path: 'dashboard', element: later(<DashboardPage />) },
      { path: 'config', element: later(<ConfigPage />) },
      { path: 'meeting', element: later(<MeetingPage />) },
      { path: '*', element: <MyPairsPage /> },
    ],
  },
]);

export function TabApp() {
  return (
    <TabRuntimeProvider>
      <RouterProvider router={router} />
    </TabRuntimeProvider>
  );
}
