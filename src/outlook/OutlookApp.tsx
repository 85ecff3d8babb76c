// The task pane's shell: finds its host (Outlook, or a plain browser with a
// simulated meeting), signs in (NAA in Outlook, dev sign-in outside), and
// hands the meeting to the pane.
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient, loadClientConfig } from '../client/api.js';
import { devSignInTokenSource, redirectToSignIn, SignInRequired } from '../client/auth.js';
import type { Me } from '../core/schemas.js';
import { PaneError } from './PaneError.js';
import { MeetingApi } from './meetingApi.js';
import { meetingItemFrom, type MeetingItem, type OfficeMailboxLike } from './meetingItem.js';
import { detectOutlook, outlookTokenSource } from './officeHost.js';
import { SimulatedMeetingPicker } from './SimulatedMeetingPicker.js';
import { loadSimulatedItem, saveSimulatedItem, simulatedMailbox, type SimulatedItemState } from './simulatedMailbox.js';
import { paneStrings } from './strings.js';
import { TaskPane } from './TaskPane.js';

type Startup =
  | { kind: 'starting' }
  | { kind: 'redirecting' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; api: ApiClient; me: Me; outlook: { mailbox: OfficeMailboxLike } | null; dark: boolean };

export function OutlookApp() {
  const [startup, setStartup] = useState<Startup>({ kind: 'starting' });
  const [busy, setBusy] = useState(false);
  const [simulated, setSimulated] = useState<SimulatedItemState | null>(() => loadSimulatedItem(window.sessionStorage));

  useEffect(() => {
    let live = true;
    let redirecting = false;
    (async () => {
      const outlook = await detectOutlook();
      const config = await loadClientConfig();
      if (!outlook && !config.devSignIn)
        throw new SignInRequired('Open Reciprocal from a meeting in Outlook to sign in.');
      const tokens = outlook
        ? await outlookTokenSource(config)
        : devSignInTokenSource(window.sessionStorage, () => {
            redirecting = true;
            redirectToSignIn();
          });
      const api = new ApiClient(tokens, { onBusy: (notice) => setBusy(notice !== null) });
      const me = await api.me();
      if (live) setStartup({ kind: 'ready', api, me, outlook, dark: outlook?.dark ?? false });
    })().catch((error: unknown) => {
      if (live) setStartup(redirecting ? { kind: 'redirecting' } : { kind: 'failed', error });
    });
    return () => {
      live = false;
    };
  }, []);

  const chooseSimulated = useCallback((state: SimulatedItemState | null) => {
    saveSimulatedItem(window.sessionStorage, state);
    setSimulated(state);
  }, []);

  const item: MeetingItem | null | 'pick' = useMemo(() => {
    if (startup.kind !== 'ready') return null;
    if (startup.outlook) return meetingItemFrom(startup.outlook.mailbox);
    if (!simulated) return 'pick';
    return meetingItemFrom(simulatedMailbox(simulated, (next) => saveSimulatedItem(window.sessionStorage, next)));
  }, [startup, simulated]);

  const meetingApi = useMemo(() => (startup.kind === 'ready' ? new MeetingApi(startup.api) : null), [startup]);

  useEffect(() => {
    document.documentElement.dataset['theme'] = startup.kind === 'ready' && startup.dark ? 'dark' : 'light';
  }, [startup]);

  return (
    <FluentProvider
      theme={startup.kind === 'ready' && startup.dark ? webDarkTheme : webLightTheme}
      style={{ minHeight: '100vh' }}
    >
      <main
        aria-label={paneStrings.appName}
        style={{ padding: 16, maxWidth: 560, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: 12 }}
      >
        {busy ? (
          <MessageBar intent="warning" role="status">
            <MessageBarBody>Microsoft 365 is busy, retrying…</MessageBarBody>
          </MessageBar>
        ) : null}
        {startup.kind === 'starting' ? <Spinner label={paneStrings.starting} /> : null}
        {startup.kind === 'redirecting' ? <Spinner label={paneStrings.redirecting} /> : null}
        {startup.kind === 'failed' ? (
          <PaneError error={startup.error} onRetry={() => window.location.reload()} />
        ) : null}
        {startup.kind === 'ready' && meetingApi ? (
          item === 'pick' ? (
            <SimulatedMeetingPicker meetings={meetingApi} onPick={chooseSimulated} />
          ) : item === null ? (
            <MessageBar intent="info">
              <MessageBarBody>{paneStrings.notAnAppointment}</MessageBarBody>
            </MessageBar>
          ) : (
            <TaskPane
              key={simulated ? `${simulated.eventId}:${simulated.role}` : 'outlook'}
              item={item}
              api={startup.api}
              meetings={meetingApi}
              me={startup.me}
              simulated={startup.outlook ? null : { state: simulated!, change: () => chooseSimulated(null) }}
            />
          )
        ) : null}
      </main>
    </FluentProvider>
  );
}
