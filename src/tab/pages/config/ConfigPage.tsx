// The configuration page Teams shows when someone adds Reciprocal to a
// channel or a meeting (the manifest's configurableTabs configurationUrl).
import { Body1, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { strings } from '../../strings.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
});

export default function ConfigPage() {
  const styles = useStyles();
  const { host } = useTabRuntime();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (host.kind !== 'microsoft365') return;
    const { pages } = host.teams;
    if (!pages.config.isSupported()) return;
    const origin = window.location.origin;
    pages.config.registerOnSaveHandler((event) => {
      pages.config
        .setConfig({
          entityId: 'reciprocal-channel',
          contentUrl: `${origin}/tab`,
          websiteUrl: `${origin}/tab`,
          suggestedDisplayName: strings.config.tabName,
        })
        .then(() => {
          setSaved(true);
          event.notifySuccess();
        })
        .catch((err: unknown) => event.notifyFailure(err instanceof Error ? err.message : String(err)));
    });
    pages.config.setValidityState(true);
  }, [host]);

  return (
    <section className={styles.page} aria-labelledby="config-title">
      <Title3 as="h1" id="config-title">
        {strings.config.title}
      </Title3>
      <Body1>{strings.config.explanation}</Body1>
      <Body1>
        {host.kind === 'microsoft365'
          ? saved
            ? strings.config.saved
            : strings.config.pressSave
          : strings.config.outsideTeams}
      </Body1>
    </section>
  );
}
