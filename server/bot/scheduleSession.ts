// "Schedule a session" from the message extension: a dialog to pick the pair,
// then a card linking to the tab, where picking a time needs both calendars
// and a person's eye.
import { z } from 'zod';
import type { ProgramStore } from '../graph/programStore.js';
import { answer, composeMessage, composeResult, type InvokeAnswer } from './answers.js';
import { adaptiveCard, cardText, pairCard, partnerOf } from './cards.js';
import { tabDeepLink } from '../program/deepLinks.js';
import { scheduleDialog } from './dialogs.js';
import { activePairsOf } from './myPairs.js';

export interface ScheduleSessionDeps {
  store: Pick<ProgramStore, 'pairsOf'>;
  teamsAppId: string;
}

/** Answers the command's fetchTask with the dialog over the caller's active pairs. */
export async function scheduleSessionDialog(deps: ScheduleSessionDeps, viewer: string): Promise<InvokeAnswer> {
  return answer(scheduleDialog(await activePairsOf(deps.store, viewer), viewer));
}

/** Answers the dialog's submit with a card that opens the pair's schedule page in the tab. */
export async function scheduleSessionCard(
  deps: ScheduleSessionDeps,
  viewer: string,
  submitted: Record<string, unknown> | undefined,
): Promise<InvokeAnswer> {
  const pairId = z.string().min(1).parse(submitted?.['pairId']);
  const pair = (await deps.store.pairsOf(viewer)).find((p) => p.id === pairId);
  if (!pair) return composeMessage('That pair is not one of yours.');
  const url = tabDeepLink(deps.teamsAppId, `pairs/${pair.id}`);
  const title = cardText(`Schedule a session with ${partnerOf(pair, viewer)?.displayName ?? ''}`);
  return composeResult([
    {
      ...pairCard(deps.teamsAppId, pair, viewer, null),
      content: adaptiveCard(
        [{ type: 'TextBlock', text: title, weight: 'Bolder', wrap: true }],
        [{ type: 'Action.OpenUrl', title: 'Pick a time', url }],
      ),
    },
  ]);
}
