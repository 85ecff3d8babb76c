// Which session the meeting the tab is opened in is, asked of the server with
// the person's token (another pair's meeting comes back as nothing).
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import type { MeetingContext } from './meetingContext.js';

export function useMeetingSession(meeting: MeetingContext | null) {
  const { api } = useTabRuntime();
  const chatId = meeting?.chatId ?? null;
  return useResource(
    () =>
      chatId
        ? api.meetingSession({ chatId })
        : Promise.resolve({ recognizedBy: null, meeting: null, match: null } as const),
    [api, chatId],
  );
}
