import { FluentProvider } from '@fluentui/react-components';
import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { BusyNotice } from '../../client/api.js';
import { SignInRequired } from '../../client/host.js';
import { LoadBoundary } from '../components/LoadBoundary.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { shellStrings as strings } from '../shellStrings.js';
import { tabHostContextFromBrowser, type TabTheme } from './hostContext.js';
import { startTab, type TabBoot, type TabRuntime } from './startTab.js';
import { fluentThemes, themeStorageKey } from './theme.js';

// Only when the tab cannot start: not part of the first bundle.
const ErrorMessage = lazy(() => import('../../ui/ErrorMessage.js').then((m) => ({ default: m.ErrorMessage })));

const RuntimeContext = createContext<TabRuntime | null>(null);
const BusyContext = createContext<BusyNotice | null>(null);
interface ThemeControl {
  theme: TabTheme;
  /** Only outside a host: inside Teams the host decides. */
  setTheme: ((theme: TabTheme) => void) | null;
}
const ThemeContext = createContext<ThemeControl>({ theme: 'light', setTheme: null });

export function useTabRuntime(): TabRuntime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useTabRuntime outside TabRuntimeProvider');
  return runtime;
}
export const useBusyNotice = () => useContext(BusyContext);
export const useThemeControl = () => useContext(ThemeContext);

type Boot =
  | { state: 'starting' }
  | { state: 'ready'; runtime: TabRuntime }
  | { state: 'signing-in' }
  | { state: 'failed'; error: unknown };

/** `boot`: the start main.tsx began before rendering, taken by the first attempt; a retry starts afresh. */
export function TabRuntimeProvider({ boot: early, children }: { boot?: TabBoot | undefined; children: ReactNode }) {
  // Started already (main.tsx waits a moment for it): the first render is the page, not a skeleton then the page.
  const [started] = useState(() => early?.ready() ?? null);
  const [boot, setBoot] = useState<Boot>(started ? { state: 'ready', runtime: started } : { state: 'starting' });
  const [busy, setBusy] = useState<BusyNotice | null>(null);
  const [theme, setThemeState] = useState<TabTheme>(
    () =>
      started?.context.theme ?? tabHostContextFromBrowser(window.location, readSavedTheme(), navigator.languages).theme,
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const report = { onBusy: setBusy, onThemeChange: (next: TabTheme) => live && setThemeState(next) };
    const started = attempt === 0 && early ? early : null;
    const stopListening = started?.listen(report);
    (started?.runtime ?? startTab(report)).then(
      (runtime) => {
        if (!live) return;
        setThemeState(runtime.context.theme);
        document.documentElement.lang = runtime.context.locale;
        setBoot((now) => (now.state === 'ready' && now.runtime === runtime ? now : { state: 'ready', runtime }));
      },
      (error: unknown) =>
        live && setBoot(error instanceof SignInRequired ? { state: 'signing-in' } : { state: 'failed', error }),
    );
    return () => {
      live = false;
      stopListening?.();
    };
  }, [attempt, early]);

  const hosted = boot.state === 'ready' && boot.runtime.host.kind === 'microsoft365';
  const setTheme = useCallback((next: TabTheme) => {
    setThemeState(next);
    try {
      window.localStorage.setItem(themeStorageKey, next);
    } catch {
      // Not remembered; still applied.
    }
  }, []);
  const themeControl = useMemo<ThemeControl>(
    () => ({ theme, setTheme: hosted ? null : setTheme }),
    [theme, hosted, setTheme],
  );

  // In the commit that renders the page, not in an effect after it: a color scheme set on the root restyles the
  // whole document, and set from an effect it did so again just after the page's first frame was laid out.
  useLayoutEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
  }, [theme]);

  let content: ReactNode;
  if (boot.state === 'ready')
    content = <RuntimeContext.Provider value={boot.runtime}>{children}</RuntimeContext.Provider>;
  else if (boot.state === 'signing-in') content = <p role="status">{strings.signIn.redirecting}</p>;
  else if (boot.state === 'failed')
    content = (
      <LoadBoundary message={strings.startFailed}>
        <Suspense fallback={<PageSkeleton />}>
          <ErrorMessage error={boot.error} onRetry={() => setAttempt((n) => n + 1)} />
        </Suspense>
      </LoadBoundary>
    );
  else content = <PageSkeleton />;

  return (
    <FluentProvider theme={fluentThemes[theme]} style={{ minHeight: '100vh' }} data-theme={theme}>
      <ThemeContext.Provider value={themeControl}>
        <BusyContext.Provider value={busy}>{content}</BusyContext.Provider>
      </ThemeContext.Provider>
    </FluentProvider>
  );
}

function readSavedTheme(): string | null {
  try {
    return window.localStorage.getItem(themeStorageKey);
  } catch {
    return null;
  }
}
