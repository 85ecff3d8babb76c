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
const ProfilePage = lazy(() => import('./pages/profile/ProfilePage.js'));
const RoundsPage = lazy(() => import('./pages/rounds/RoundsPage.js'));
const GrowthPage = lazy(() => import('./pages/growth/GrowthPage.js'));
const PairHistoryPage = lazy(() => import('./pages/history/PairHistoryPage.js'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage.js'));

const later = (page: ReactNode) => <Suspense fallback={<PageSkeleton />}>{page}</Suspense>;

const router = createBrowserRouter([
  {
    path: '/tab',
    element: <Shell />,
    children: [
      { index: true, element: <MyPairsPage /> },
      { path: 'pairs/:pairId', element: later(<SchedulePage />) },
      { path: 'pairs/:pairId/history', element: later(<PairHistoryPage />) },
      { path: 'profile', element: later(<ProfilePage />) },
      { path: 'growth', element: later(<GrowthPage />) },
      { path: 'notifications', element: later(<NotificationsPage />) },
      { path: 'rounds', element: later(<RoundsPage />) },
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
