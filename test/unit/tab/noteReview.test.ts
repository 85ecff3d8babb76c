import { describe, expect, it } from 'vitest';
import { liveConfirmations, reviewNote } from '../../../src/tab/pages/session/noteReview.js';

const note = (over: Partial<Parameters<typeof reviewNote>[0]> = {}) => ({
  taught: '',
  learned: '',
  actionItems: [],
  focusAreas: [],
  phiConfirmations: [],
  ...over,
});

describe('reviewing a note for patient identifiers before save', () => {
  it('flags an MRN in "what I taught" with its span', () => {
    const taught = 'Walked through MRN 4820193 in the new tool';
    const [flag, ...rest] = reviewNote(note({ taught }));
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ field: 'taught', confirmed: false, finding: { kind: 'mrn' } });
    expect(taught.slice(flag!.finding.start, flag!.finding.end)).toContain('4820193');
  });

  it('checks action items too, naming the item', () => {
    const flags = reviewNote(
      note({ actionItems: [{ id: 'a1', text: 'Call 555-201-7733 about discharge', done: false }] }),
    );
    expect(flags.map((f) => f.field)).toEqual(['actionItem:a1']);
  });

  it('marks a confirmed span as confirmed and keeps the others open', () => {
    const taught = 'MRN 4820193 and SSN 123-45-6789';
    const flags = reviewNote(note({ taught }));
    const mrn = flags.find((f) => f.finding.kind === 'mrn')!;
    const confirmed = reviewNote(
      note({ taught, phiConfirmations: [{ kind: mrn.finding.kind, text: mrn.finding.text }] }),
    );
    expect(confirmed.filter((f) => !f.confirmed).map((f) => f.finding.kind)).not.toContain('mrn');
    expect(confirmed.some((f) => !f.confirmed)).toBe(true);
  });

  it('has nothing to say about clean professional-learning text', () => {
    expect(
      reviewNote(
        note({
          taught: 'How I batch my follow-up calls on Tuesdays',
          learned: 'Framing a hard conversation about goals of care',
        }),
      ),
    ).toEqual([]);
  });

  it('drops confirmations for text that was edited away', () => {
    const stale = note({
      taught: 'Nothing identifying here',
      phiConfirmations: [{ kind: 'mrn', text: 'MRN 4820193' }],
    });
    expect(liveConfirmations(stale)).toEqual([]);
  });
});
