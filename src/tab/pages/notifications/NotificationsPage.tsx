// Which messages the bot sends me: mute each kind.
import { Card, Caption1, makeStyles, Switch, Text, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { NotificationSettings, type MutableKind } from '../../../core/operations/notifications.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useResource } from '../../../ui/useResource.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { notificationStrings as strings } from './strings.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  row: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none' },
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

export default function NotificationsPage() {
  const styles = useStyles();
  const { api } = useTabRuntime();
  const settings = useResource(() => api.json(NotificationSettings, 'GET', '/api/me/notifications'), [api]);
  const [saving, setSaving] = useState<MutableKind | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (!settings.data)
    return settings.status === 'failed' ? (
      <ErrorMessage error={settings.error} onRetry={settings.reload} />
    ) : (
      <PageSkeleton rows={3} />
    );
  const current = settings.data;

  const toggle = async (kind: MutableKind, on: boolean) => {
    const muted = on ? current.muted.filter((k) => k !== kind) : [...current.muted, kind];
    setSaving(kind);
    setError(null);
    settings.set({ ...current, muted });
    try {
      settings.set(await api.json(NotificationSettings, 'PUT', '/api/me/notifications', { body: { muted } }));
    } catch (e) {
      settings.set(current);
      setError(e);
    } finally {
      setSaving(null);
    }
  };

  return (
    <div className={styles.page}>
      <Title2 as="h1">{strings.title}</Title2>
      <Text>{strings.intro}</Text>
      {error !== null && <ErrorMessage error={error} />}
      <Card>
        <ul className={styles.list} aria-label={strings.listLabel}>
          {current.kinds.map((kind) => {
            const { label, hint } = strings.kinds[kind];
            const id = `notification-${kind}`;
            return (
              <li key={kind} className={styles.row}>
                <div className={styles.text}>
                  <Text id={`${id}-label`} weight="semibold">
                    {label}
                  </Text>
                  <Caption1 id={`${id}-hint`}>{hint}</Caption1>
                </div>
                <Switch
                  checked={!current.muted.includes(kind)}
                  disabled={saving === kind}
                  aria-labelledby={`${id}-label`}
                  aria-describedby={`${id}-hint`}
                  onChange={(_e, data) => void toggle(kind, data.checked)}
                />
              </li>
            );
          })}
        </ul>
      </Card>
      <Caption1 aria-live="polite">{saving ? strings.saving : ''}</Caption1>
    </div>
  );
}
