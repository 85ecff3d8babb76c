// The strings the shell shows before any page has loaded (header, sign-in,
// loading, throttling, a page that cannot load). Kept apart from strings.ts,
// which also carries the strings shared with the task pane and with them the
// domain's schemas: the shell must not need those to paint.
export const shellStrings = {
  appName: 'Reciprocal',
  nav: {
    pairs: 'My pairs',
    admin: 'Program admin',
    dashboard: 'Dashboard',
    growth: 'Growth',
    profile: 'My profile',
    rounds: 'Rounds',
    mainLabel: 'Reciprocal sections',
    menu: 'Menu',
  },
  theme: {
    toggle: 'Theme',
    light: 'Light',
    dark: 'Dark',
    contrast: 'High contrast',
  },
  busy: 'Microsoft 365 is busy, retrying…',
  loading: 'Loading…',
  signIn: {
    redirecting: 'Taking you to sign-in…',
    required: 'You need to sign in to use Reciprocal.',
  },
  pageLoadFailed: 'This page could not be loaded. Check your connection, then try again.',
  startFailed: 'Reciprocal could not start.',
  retry: 'Try again',
};
