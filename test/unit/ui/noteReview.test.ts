import { describe, expect, it } from 'vitest';
import type { NoteInput } from '../../../src/core/api.js';
import {
  actionItemField,
  liveConfirmations,
  noteFieldTexts,
  openFindings,
  reviewNote,
  scanForPhi,
} from '../../../src/core/notes/index.js';
import { noteToSave } from '../../../src/ui/note/useNote.js';

const note = (over: Partial<NoteInput> = {}): NoteInput => ({
  taught: '',
  learned: '',
  actionItems: [],
  focusAreas: [],
  phiConfirmations: [],
  ...over,
});
const item = (id: string, text: string) => ({ id, text, done: false });

describe('the note review the editor and its PHI flags show', () => {
  it('flags an MRN in "what I taught" with its span', () => {
    const taught = 'Walked through MRN 4820193 in the new tool';
    const [flag, ...rest] = reviewNote(note({ taught }));
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ field: 'taught', kind: 'mrn', confirmed: false });
    expect(taught.slice(flag!.start, flag!.end)).toContain('4820193');
  });

  it.each([
    ['taught', note({ taught: 'Call 555-201-7733' }), ['taught']],
    ['learned', note({ learned: 'Call 555-201-7733' }), ['learned']],
    [
      'the second action item, by its index',
      note({ actionItems: [item('a1', 'Batch calls'), item('a2', 'Call 555-201-7733 about discharge')] }),
      ['actionItems.1.text'],
    ],
  ])('names a finding in %s by the field path the server uses', (_, draft, fields) => {
    expect(reviewNote(draft).map((f) => f.field)).toEqual(fields);
  });

  it('gives each action item field its index path and its id', () => {
    const fields = noteFieldTexts(note({ actionItems: [item('a1', 'one'), item('b2', 'two')] }));
    expect(fields.map((f) => [f.field, f.actionItemId])).toEqual([
      ['taught', undefined],
      ['learned', undefined],
      [actionItemField(0), 'a1'],
      [actionItemField(1), 'b2'],
    ]);
  });

  it('finds in each field exactly what one scan of that field finds', () => {
    const draft = note({
      taught: 'MRN 4820193 and SSN 123-45-6789',
      learned: 'Email jo@example.org',
      actionItems: [item('a1', 'Fax 555-201-7733'), item('a2', 'Nothing here')],
    });
    const review = reviewNote(draft);
    for (const { field, text } of noteFieldTexts(draft)) {
      const scanned = scanForPhi(text).map(({ kind, start, end }) => ({ kind, start, end }));
      const reviewed = review.filter((f) => f.field === field).map(({ kind, start, end }) => ({ kind, start, end }));
      expect(reviewed).toEqual(scanned);
    }
  });

  it('marks a confirmed span as confirmed and keeps the others open', () => {
    const taught = 'MRN 4820193 and SSN 123-45-6789';
    const mrn = reviewNote(note({ taught })).find((f) => f.kind === 'mrn')!;
    const review = reviewNote(note({ taught, phiConfirmations: [{ kind: mrn.kind, text: mrn.text }] }));
    expect(review.find((f) => f.kind === 'mrn')?.confirmed).toBe(true);
    expect(openFindings(review).map((f) => f.kind)).not.toContain('mrn');
    expect(openFindings(review).length).toBeGreaterThan(0);
  });

  it('has nothing to say about clean professional-learning text', () => {
    const clean = note({
      taught: 'How I batch my follow-up calls on Tuesdays',
      learned: 'Framing a hard conversation about goals of care',
    });
    expect(reviewNote(clean)).toEqual([]);
  });

  it('drops confirmations for text that was edited away, reading the review it is given', () => {
    const stale = note({
      taught: 'Nothing identifying here',
      phiConfirmations: [{ kind: 'mrn', text: 'MRN 4820193' }],
    });
    expect(liveConfirmations(stale)).toEqual([]);
    expect(liveConfirmations(stale, reviewNote(stale))).toEqual([]);
  });
});

describe('the note a save sends', () => {
  it('drops empty action items, trims the others and keeps only live confirmations', () => {
    const draft = note({
      taught: 'MRN 4820193',
      actionItems: [item('a1', '  Batch calls  '), item('a2', '   ')],
      phiConfirmations: [
        { kind: 'mrn', text: 'MRN 4820193' },
        { kind: 'ssn', text: '123-45-6789' },
      ],
    });
    const mrn = reviewNote(draft).find((f) => f.kind === 'mrn')!;
    const withMrnConfirmed = {
      ...draft,
      phiConfirmations: [{ kind: 'mrn', text: mrn.text }, draft.phiConfirmations[1]!],
    };
    const sent = noteToSave(withMrnConfirmed, reviewNote(withMrnConfirmed));
    expect(sent.actionItems).toEqual([item('a1', 'Batch calls')]);
    expect(sent.phiConfirmations).toEqual([{ kind: 'mrn', text: mrn.text }]);
  });
});
