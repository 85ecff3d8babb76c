import { Tab, TabList, makeStyles, tokens, Text } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { BusyBanner } from './components/BusyBanner.js';
import { useHeadingFocus } from './components/useHeadingFocus.js';
import { ThemeToggle } from './components/ThemeToggle.js';
import { routeForSubPageId } from './host/hostContext.js';
import { useTabRuntime } from './host/TabRuntimeProvider.js';
import { strings } from './strings.js';

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

type Section = 'pairs' | 'growth' | 'profile' | 'admin' | 'rounds' | 'dashboard';

function sectionOf(pathname: string): Section {
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
  const { me, context } = useTabRuntime();
  const navigate = useNavigate();
  const location = useLocation();
  const followedDeepLink = useRef(false);
  const main = useRef<HTMLElement>(null);
  useHeadingFocus(main);

  useEffect(() => {
    if (followedDeepLink.current) return;
    followedDeepLink.current = true;
    // In a Teams meeting (side panel, details tab, meeting chat tab) the tab opens on that meeting's session.
    const target = routeForSubPageId(context.subPageId) ?? (context.meetingId ? '/tab/meeting' : null);
    if (target && (location.pathname === '/tab' || location.pathname === '/tab/')) navigate(target, { replace: true });
  }, [context.subPageId, context.meetingId, location.pathname, navigate]);

  const sections: { value: Section; label: string; to: string }[] = [
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
        <nav aria-label={strings.nav.mainLabel}>
          <TabList
            selectedValue={sectionOf(location.pathname)}
            onTabSelect={(_, data) => {
              const section = sections.find((s) => s.value === data.value);
              if (section) navigate(section.to);
            }}
          >
            {sections.map((s) => (
              <Tab key={s.value} value={s.value}>
                {s.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <span className={styles.spacer} />
        <Text size={200}>{me.displayName}</Text>
        <ThemeToggle />
      </header>
      <main className={styles.main} ref={main}>
        <BusyBanner />
        <Outlet />
      </main>
    </div>
  );
}
