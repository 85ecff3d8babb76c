// The task pane's Office.js adapter against office-addin-mock: the organizer's
// compose item and an attendee's read item.
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { agendaToHtml, buildAgenda, defaultAgendaTemplates } from '../../../src/core/agenda/index.js';
import { withAgenda } from '../../../src/outlook/agendaBody.js';
import { meetingItemFrom, type OfficeMailboxLike } from '../../../src/outlook/meetingItem.js';
import { insertAgenda, meetingStatus } from '../../../src/outlook/taskPaneActions.js';

/** office-addin-mock's host for Outlook (outlookHost): properties need no load()/sync(). */
const outlookHost = 'outlook' as ConstructorParameters<typeof OfficeMockObject>[1];

type Result = { status: string; value: unknown; error?: { message: string } | null };
const succeeded = (value: unknown): Result => ({ status: 'succeeded', value, error: null });

/** Office.context.mailbox for an appointment the organizer is editing (compose). */
function organizerMailbox(body: string, options: { categories?: string[]; saved?: boolean } = {}) {
  const data = {
    context: {
      mailbox: {
        item: {
          itemType: 'appointment',
          subject: {
            value: 'Ana & Raj catch-up',
            getAsync(cb: (r: Result) => void) {
              cb(succeeded(this.value));
            },
          },
          categories: {
            list: (options.categories ?? []).map((displayName) => ({ displayName, color: 'Preset1' })),
            getAsync(cb: (r: Result) => void) {
              cb(succeeded(this.list));
            },
          },
          body: {
            content: body,
            writes: 0,
            getAsync(_type: string, cb: (r: Result) => void) {
              cb(succeeded(this.content));
            },
            setAsync(data: string, _options: unknown, cb: (r: Result) => void) {
              this.content = data;
              this.writes++;
              cb(succeeded(undefined));
            },
          },
          getItemIdAsync(cb: (r: Result) => void) {
            cb(
              options.saved === false
                ? { status: 'failed', value: null, error: { message: 'The item has not been saved.' } }
                : succeeded('AAMkAD+ews/id=='),
            );
          },
        },
        convertToRestId(id: string, version: string) {
          return `rest(${version}):${id.replace(/\//g, '-').replace(/\+/g, '_')}`;
        },
      },
    },
  };
  return new OfficeMockObject(data, outlookHost) as unknown as {
    context: { mailbox: OfficeMailboxLike & { item: { body: { content: string; writes: number } } } };
  };
}

/** Office.context.mailbox for an attendee reading the meeting. */
function attendeeMailbox(body: string) {
  const data = {
    context: {
      mailbox: {
        item: {
          itemType: 'appointment',
          itemId: 'AAMkAD+attendee/copy==',
          subject: 'Ana & Raj catch-up',
          categories: {
            getAsync(cb: (r: Result) => void) {
              cb(succeeded([{ displayName: 'Reciprocal session', color: 'Preset1' }]));
            },
          },
          body: {
            content: body,
            getAsync(_type: string, cb: (r: Result) => void) {
              cb(succeeded(this.content));
            },
          },
        },
        convertToRestId(id: string) {
          return `rest:${id}`;
        },
      },
    },
  };
  return new OfficeMockObject(data, outlookHost) as unknown as { context: { mailbox: OfficeMailboxLike } };
}

const agendaHtml = agendaToHtml(
  buildAgenda({
    people: [
      { displayName: 'Ana Ruiz', careerStage: 'early' },
      { displayName: 'Raj Patel', careerStage: 'seasoned' },
    ],
    direction: 'both',
    focusAreas: ['technology-adoption', 'ethical-reasoning'],
    durationMinutes: 60,
    carriedOverActionItems: [{ text: 'Share the agency contact list', authorName: 'Raj Patel' }],
    templates: defaultAgendaTemplates,
  }),
);

describe('the Office.js meeting item', () => {
  it("reads the organizer's compose item: role, subject, REST id, categories, body", async () => {
    const office = organizerMailbox('<html><body><p>Bring the checklist</p></body></html>', {
      categories: ['Reciprocal session', 'Blue'],
    });
    const item = meetingItemFrom(office.context.mailbox)!;
    expect(item.role).toBe('organizer');
    expect(await item.subject()).toBe('Ana & Raj catch-up');
    expect(await item.eventId()).toBe('rest(v2.0):AAMkAD_ews-id==');
    expect(await item.categories()).toEqual(['Reciprocal session', 'Blue']);
    expect(await item.bodyHtml()).toContain('Bring the checklist');
  });

  it('an unsaved new meeting has no event id yet (not an error)', async () => {
    const item = meetingItemFrom(organizerMailbox('', { saved: false }).context.mailbox)!;
    expect(await item.eventId()).toBeNull();
  });

  it("reads an attendee's read item and refuses to change its body", async () => {
    const item = meetingItemFrom(attendeeMailbox('<p>Organizer text</p>').context.mailbox)!;
    expect(item.role).toBe('attendee');
    expect(await item.subject()).toBe('Ana & Raj catch-up');
    expect(await item.eventId()).toBe('rest:AAMkAD+attendee/copy==');
    await expect(item.setBodyHtml('<p>x</p>')).rejects.toThrow('Only the organizer can change the meeting body.');
  });

  it('is null for a message', () => {
    const mailbox = new OfficeMockObject(
      { item: { itemType: 'message', subject: 'Hi', body: { getAsync() {} } }, convertToRestId: (id: string) => id },
      outlookHost,
    ) as unknown as OfficeMailboxLike;
    expect(meetingItemFrom(mailbox)).toBeNull();
  });

  it('surfaces an Office.js failure with its message', async () => {
    const office = organizerMailbox('<p>x</p>');
    const body = office.context.mailbox.item as unknown as {
      body: { getAsync: (t: string, cb: (r: Result) => void) => void };
    };
    body.body.getAsync = (_t, cb) => cb({ status: 'failed', value: '', error: { message: 'Item is locked' } });
    await expect(meetingItemFrom(office.context.mailbox)!.bodyHtml()).rejects.toThrow(
      'Outlook could not read the meeting body: Item is locked',
    );
  });
});

describe('inserting the agenda through Office.js', () => {
  it("keeps the organizer's existing text and writes the body once", async () => {
    const office = organizerMailbox('<html><body><p>Bring the checklist</p></body></html>');
    const item = meetingItemFrom(office.context.mailbox)!;
    const outcome = await insertAgenda(item, agendaHtml);
    expect(outcome).toBe('inserted');
    const body = office.context.mailbox.item.body;
    expect(body.writes).toBe(1);
    expect(body.content).toContain('<p>Bring the checklist</p>');
    expect(body.content).toContain('Share the agency contact list');
    expect(body.content.indexOf('Bring the checklist')).toBeLessThan(body.content.indexOf('data-reciprocal-agenda'));
  });

  it('re-inserting replaces only our container', async () => {
    const office = organizerMailbox(
      withAgenda(
        '<html><body><p>Mine</p></body></html>',
        agendaHtml.replace('Share the agency contact list', 'Stale item'),
      ),
    );
    office.context.mailbox.item.body.content = office.context.mailbox.item.body.content.replace(
      '</body>',
      '<p>Written later</p></body>',
    );
    const outcome = await insertAgenda(meetingItemFrom(office.context.mailbox)!, agendaHtml);
    expect(outcome).toBe('replaced');
    const content = office.context.mailbox.item.body.content;
    expect(content).not.toContain('Stale item');
    expect(content.match(/data-reciprocal-agenda/g)).toHaveLength(1);
    expect(content).toContain('<p>Mine</p>');
    expect(content).toContain('<p>Written later</p>');
  });

  it('does not write when the agenda in the body is already current', async () => {
    const office = organizerMailbox(withAgenda('<p>Mine</p>', agendaHtml));
    expect(await insertAgenda(meetingItemFrom(office.context.mailbox)!, agendaHtml)).toBe('unchanged');
    expect(office.context.mailbox.item.body.writes).toBe(0);
  });
});

describe('recognizing a Reciprocal session', () => {
  const match = { session: { id: 's1' }, pair: { id: 'p1' } };
  const cases: Array<{
    name: string;
    categories: string[];
    found: boolean;
    expected: ReturnType<typeof meetingStatus>;
  }> = [
    {
      name: 'found by the API (iCalUId) with the category',
      categories: ['Reciprocal session'],
      found: true,
      expected: 'session',
    },
    {
      name: 'found by the API without the category (categories are per mailbox)',
      categories: [],
      found: true,
      expected: 'session',
    },
    {
      name: 'the category but no session of mine',
      categories: ['Reciprocal session'],
      found: false,
      expected: 'marked-not-mine',
    },
    {
      name: 'the category in another case',
      categories: ['reciprocal SESSION'],
      found: false,
      expected: 'marked-not-mine',
    },
    { name: 'neither', categories: ['Blue'], found: false, expected: 'not-a-session' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(meetingStatus(c.categories, c.found ? match : null)).toBe(c.expected);
    });
  }
});
