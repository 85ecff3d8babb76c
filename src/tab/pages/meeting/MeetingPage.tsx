// The tab in a Teams meeting: finds this meeting's session through the server,
// then shows the side panel (during the meeting) or the details tab (around it)
// by the frame Teams opened it in; a meeting that is not a session is offered
// for linking, or said plainly to have nothing to do with Reciprocal.
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { DetailsTab } from './DetailsTab.js';
import { LinkMeetingPanel } from './LinkMeetingPanel.js';
import { meetingContextOf } from './meetingContext.js';
import { SidePanel } from './SidePanel.js';
import { meetingStrings as s } from './strings.js';
import { useMeetingSession } from './useMeetingSession.js';

export default function MeetingPage() {
  const runtime = useTabRuntime();
  const meeting = meetingContextOf(runtime);
  const recognition = useMeetingSession(meeting);

  if (!recognition.data) {
    return recognition.status === 'failed' ? (
      <ErrorMessage error={recognition.error} onRetry={recognition.reload} />
    ) : (
      <PageSkeleton rows={2} />
    );
  }
  const { match, meeting: onCalendar } = recognition.data;
  if (match) {
    return meeting?.frame === 'sidePanel' ? (
      <SidePanel sessionId={match.session.id} />
    ) : (
      <DetailsTab sessionId={match.session.id} />
    );
  }
  if (onCalendar) {
    return (
      <LinkMeetingPanel
        meeting={onCalendar}
        onLinked={(linked) => recognition.set({ recognizedBy: null, meeting: onCalendar, match: linked })}
      />
    );
  }
  // The page's heading as on every other page: where focus lands, and what a screen reader's heading list names.
  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        {s.notASession}
      </Text>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{s.notASessionDetail}</MessageBarBody>
      </MessageBar>
    </>
  );
}
