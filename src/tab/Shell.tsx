import { makeStyles, tokens, Text } from '@fluentui/react-components';
import { lazy, Suspense, useLayoutEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { SectionNav, type Section } from './components/SectionNav.js';
import { useHeadingFocus } from './components/useHeadingFocus.js';
import { ThemeToggle } from './components/ThemeToggle.js';
import { useBusyNotice, useTabRuntime } from './host/TabRuntimeProvider.js';
import { startPageCode, startPageData } from './routes.js';
import { shellStrings as strings } from './shellStrings.js';

// Rarely needed: loaded the first time Microsoft 365 throttles us.
const BusyBanner = lazy(() => import('./components/BusyBanner.js').then((m) => ({ default: m.BusyBanner })));

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    flexWrap: 'wrap',
  },
  brand: { fontWeight: tokens.fontWeightSemibold },
  spacer: { flexGrow: 1 },
  name: { '@media (max-width: 479px)': { display: 'none' } },
  main: {
    padding: tokens.spacingHorizontalL,
    maxWidth: '1040px',
    minWidth: 0,
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  page: {
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '100vh',
    color: tokens.colorNeutralForeground1,
    // Teams mobile is 360 px wide: a page never scrolls sideways, wide content scrolls inside itself.
    overflowX: 'clip',
    maxWidth: '100vw',
  },
});

type SectionName = 'pairs' | 'growth' | 'profile' | 'admin' | 'rounds' | 'dashboard';

function sectionOf(pathname: string): SectionName {
  if (pathname.startsWith('/tab/admin')) return 'admin';
  if (pathname.startsWith('/tab/dashboard')) return 'dashboard';
  if (pathname.startsWith('/tab/rounds')) return 'rounds';
  if (pathname.startsWith('/tab/growth')) return 'growth';
  if (pathname.startsWith('/tab/profile') || pathname.startsWith('/tab/notifications')) return 'profile';
  return 'pairs';
}

/** Header with the sections the caller's roles open, then the page. */
export function Shell() {
  const styles = useStyles();
  const { me } = useTabRuntime();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const busy = useBusyNotice();
  const { api } = useTabRuntime();
  useHeadingFocus(main);

  // Before the page's own effects ask for anything: its code and first data start together.
  useLayoutEffect(() => {
    startPageCode(location.pathname);
    startPageData(api, location.pathname);
  }, [api, location.pathname]);

  const sections: (Section & { value: SectionName })[] = [
    { value: 'pairs', label: strings.nav.pairs, to: '/tab' },
    { value: 'growth', label: strings.nav.growth, to: '/tab/growth' },
    { value: 'profile', label: strings.nav.profile, to: '/tab/profile' },
  ];
  if (me.roles.includes('DepartmentLead') || me.roles.includes('ProgramOwner'))
    sections.push({ value: 'dashboard', label: strings.nav.dashboard, to: '/tab/dashboard' });
  if (me.roles.includes('ProgramOwner')) {
    sections.push({ value: 'admin', label: strings.nav.admin, to: '/tab/admin' });
    sections.push({ value: 'rounds', label: strings.nav.rounds, to: '/tab/rounds' });
  }

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Text className={styles.brand} size={400}>
          {strings.appName}
        </Text>
        <SectionNav sections={sections} current={sectionOf(location.pathname)} />
        <span className={styles.spacer} />
        <Text size={200} className={styles.name}>
          {me.displayName}
        </Text>
        <ThemeToggle />
      </header>
      <main className={styles.main} ref={main}>
        {busy ? (
          <Suspense fallback={<p role="status">{strings.busy}</p>}>
            <BusyBanner />
          </Suspense>
        ) : null}
        <Outlet />
      </main>
    </div>
  );
}
