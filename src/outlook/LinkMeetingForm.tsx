// "Make this a Reciprocal session": link a meeting on my calendar to one of my pairs.
import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../client/api.js';
import type { PairSummary } from '../core/api.js';
import type { MeetingSession } from '../core/meetings.js';
import type { Direction, FocusArea } from '../core/schemas.js';
import { focusAreaMessage } from '../ui/FocusAreaPicker.js';
import { LinkToPairFields } from '../ui/LinkToPairFields.js';
import { useAction } from '../ui/useAction.js';
import type { MeetingApi } from './meetingApi.js';
import { PaneError } from './PaneError.js';
import { paneStrings } from './strings.js';

export function LinkMeetingForm({
  api,
  meetings,
  eventId,
  suggestedPairId,
  onLinked,
}: {
  api: ApiClient;
  meetings: MeetingApi;
  eventId: string;
  suggestedPairId: string | null;
  onLinked: (match: MeetingSession) => void;
}) {
  const s = paneStrings.link;
  const [pairs, setPairs] = useState<PairSummary[] | null>(null);
  const [pairId, setPairId] = useState('');
  const [direction, setDirection] = useState<Direction>('both');
  const [focusAreas, setFocusAreas] = useState<FocusArea[]>([]);
  const [tried, setTried] = useState(false);
  const { working, error, setError, run } = useAction();

  useEffect(() => {
    let live = true;
    api.pairs().then(
      (list) => {
        if (!live) return;
        const active = list.filter((p) => p.pair.status === 'active');
        setPairs(active);
        setPairId(
          (current) => current || (active.find((p) => p.pair.id === suggestedPairId) ?? active[0])?.pair.id || '',
        );
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [api, suggestedPairId]);

  const focusProblem = !tried
    ? undefined
    : focusAreas.length === 0
      ? s.pickFocusArea
      : focusAreaMessage(direction, focusAreas);

  async function submit() {
    setTried(true);
    if (!pairId || focusAreaMessage(direction, focusAreas)) return;
    await run(async () => onLinked(await meetings.link({ eventId, pairId, direction, focusAreas })));
  }

  return (
    <section aria-labelledby="link-title" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Text as="h2" id="link-title" size={400} weight="semibold">
        {s.heading}
      </Text>
      <Text>{s.explain}</Text>
      {pairs && pairs.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{s.noPairs}</MessageBarBody>
        </MessageBar>
      ) : null}
      {pairs && pairs.length > 0 ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
        >
          <LinkToPairFields
            strings={s}
            pairs={pairs}
            choice={{ pairId, direction, focusAreas }}
            onChange={(next) => {
              setPairId(next.pairId);
              setDirection(next.direction);
              setFocusAreas(next.focusAreas);
            }}
            validation={focusProblem}
          />
          <div>
            <Button
              appearance="primary"
              type="submit"
              disabled={working}
              icon={working ? <Spinner size="tiny" /> : undefined}
            >
              {working ? s.submitting : s.submit}
            </Button>
          </div>
        </form>
      ) : null}
      {error ? <PaneError error={error} /> : null}
    </section>
  );
}
