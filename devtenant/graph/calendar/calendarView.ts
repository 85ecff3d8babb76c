// GET /calendarView (a required time window) and GET /events (optionally one
// transactionId), with $select, $top and paging.
import { badRequest } from '../../graphErrors.js';
import type { GraphRequest, GraphResponse, GraphRoute } from '../dispatch.js';
import { applySelect, graphContext, page, parseSelect, parseTop } from '../odata.js';
import { userFromPath, userSegment } from '../users.js';
import { instant, preferredZone } from './dateTimes.js';
import { eventResource } from './eventResource.js';
import { calendarMailbox, type CalendarOptions } from './options.js';

/** The latest instant JavaScript dates reach: an open-ended window. */
const endOfTimeMs = 8_640_000_000_000_000;

function listEvents({ store }: CalendarOptions, req: GraphRequest): GraphResponse {
  const owner = userFromPath(store, req);
  const isView = req.params.view === 'calendarView';
  const startRaw = req.query.get('startDateTime') ?? req.query.get('startdatetime');
  const endRaw = req.query.get('endDateTime') ?? req.query.get('enddatetime');
  if (isView && (!startRaw || !endRaw)) {
    throw badRequest(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      'ErrorInvalidParameter',
    );
  }
  const fromMs = startRaw ? instant({ dateTime: startRaw, timeZone: 'UTC' }) : 0;
  const toMs = endRaw ? instant({ dateTime: endRaw, timeZone: 'UTC' }) : endOfTimeMs;
  const zone = preferredZone(req);
  const select = parseSelect(req.query);
  const txFilter = /^transactionId eq '((?:[^']|'')*)'$/.exec(req.query.get('$filter') ?? '')?.[1]?.replace(/''/g, "'");
  let events = store.eventsInRange(owner.id, fromMs, toMs);
  if (txFilter !== undefined) events = events.filter((e) => e.transactionId === txFilter);
  const resources = events.map((e) => {
    const r = eventResource(e, zone);
    delete r['singleValueExtendedProperties'];
    return applySelect(r, select, ['@odata.etag', 'id']);
  });
  const top = parseTop(req.query, 10, 1000);
  const collection = isView ? 'calendarView' : 'events';
  const { value, nextLink } = page(resources, req.query, req.baseUrl, `/users/${owner.id}/${collection}`, top);
  return {
    status: 200,
    body: {
      '@odata.context': `${graphContext}#users('${owner.id}')/${collection}`,
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      value,
    },
  };
}

export function calendarViewRoutes(o: CalendarOptions): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^${userSegment}(?:/calendar)?/(?<view>calendarView|events)$`),
      kind: 'events.list',
      mailbox: calendarMailbox,
      handle: (req) => listEvents(o, req),
    },
  ];
}
