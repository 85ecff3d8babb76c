import { describe, expect, it } from 'vitest';
import { scanForPhi, unconfirmedFindings, type PhiKind } from '../../../src/core/notes/phi.js';

describe('PHI guard: each kind of identifier', () => {
  const cases: Array<[PhiKind, string, string]> = [
    ['ssn', 'Her SSN 123-45-6789 was on the form.', '123-45-6789'],
    ['mrn', 'I looked up MRN 4820193 in the tool.', 'MRN 4820193'],
    ['mrn', 'Search by MR# 00372615 instead.', 'MR# 00372615'],
    ['phone', 'Call (312) 555-0142 after rounds.', '(312) 555-0142'],
    ['fax', 'Fax it to 312-555-0177 today.', '312-555-0177'],
    ['email', 'Write to carlos.mendez@gmail.com please.', 'carlos.mendez@gmail.com'],
    ['date', 'DOB 03/04/1950 per intake.', '03/04/1950'],
    ['date', 'She was admitted on 2024-03-02.', '2024-03-02'],
    ['address', 'She lives at 42 Elm Street Apt 4B now.', '42 Elm Street Apt 4B'],
    ['zip', 'The ZIP is 60614-2231.', '60614-2231'],
    ['url', 'See https://ehr.example.org/chart?id=88314.', 'https://ehr.example.org/chart?id=88314'],
    ['ip', 'The monitor at 10.24.8.17 reports nightly.', '10.24.8.17'],
    ['health-plan', 'Medicaid ID MA1234567 was rejected.', 'MA1234567'],
    ['account', 'Account #4455667788 is disputed.', '4455667788'],
    ['license', 'License number RN-887123 was listed.', 'RN-887123'],
    ['device', 'Pacemaker serial PM-88213X on the form.', 'PM-88213X'],
    ['vehicle', 'The VIN 1HGCM82633A004352 was on file.', '1HGCM82633A004352'],
    ['name', 'Patient John Smith asked about transport.', 'John Smith'],
    ['name', 'Mrs. Garcia in bed 4 wants the chaplain.', 'Garcia'],
    ['name', 'Her son Michael called twice.', 'Michael'],
    ['id', 'Claim number CLM-00981234 was denied.', 'CLM-00981234'],
    ['date', 'A 92 yo with CHF came back again.', '92 yo'],
    ['date', 'The lady is 98 and sharper than me.', '98'],
    ['date', 'He is ninety-one and plays piano.', 'ninety-one'],
    ['date', 'DOB is the third of March, nineteen forty-one.', 'the third of March, nineteen forty-one'],
    ['date', 'She was born March 3rd 1941 in Ohio.', 'March 3rd 1941'],
    ['date', 'She was admitted 11/02 after a fall.', '11/02'],
    ['date', 'Discharged Nov 2 with no follow-up.', 'Nov 2'],
    ['name', 'called mr jenkins back about the bed', 'jenkins'],
    ['name', 'The Smith family wants a meeting.', 'Smith'],
    ['name', "pt's husband Robert keeps calling.", 'Robert'],
    ['name', 'client Tyrone W. missed his ride.', 'Tyrone W.'],
    ['name', 'PATIENT JOHN SMITH asked about transport.', 'JOHN SMITH'],
    ['name', 'Spent an hour with Dolores about her meds.', 'Dolores'],
    ['mrn', 'medical record # A-449120 had the wrong allergy.', 'medical record # A-449120'],
    ['mrn', 'Chart 88213 is the one we talked about.', 'Chart 88213'],
    ['mrn', 'MRN ending 0193 still shows the old address.', '0193'],
    ['id', 'I typed 4 8 2 0 1 9 3 into the search box.', '4 8 2 0 1 9 3'],
    ['address', 'Transport dropped him at 14 maple street by mistake.', '14 maple street'],
    ['zip', 'She lives in the 60614 zip.', '60614'],
    ['health-plan', 'Medicare # 1EG4-TE5-MK72 was in the screenshot.', '1EG4-TE5-MK72'],
    ['account', 'account ending 5512 is in collections', '5512'],
    ['device', 'SN 4471-AB-99 on the concentrator.', '4471-AB-99'],
    ['url', 'His page is facebook.com/ron.delgado.31 now.', 'facebook.com/ron.delgado.31'],
  ];
  it.each(cases)('%s in "%s"', (kind, text, span) => {
    const findings = scanForPhi(text);
    expect(findings).toContainEqual({
      kind,
      start: text.indexOf(span),
      end: text.indexOf(span) + span.length,
      text: span,
    });
  });

  it.each([
    'Ana showed me how to build a saved view in the care-coordination dashboard.',
    'We discussed the 2024 CMS discharge planning rule.',
    'We met at 10:30 on Teams.',
    'Four patients on my caseload qualify for the program.',
    'We talked about how HIPAA shapes what we say in chats.',
    'The patient portal walkthrough helped a lot.',
    'Dr. Patel explained the transplant evaluation in general terms.',
    "Mr. Rogers' approach to listening came up today.",
    'Patient Portal adoption is our unit goal this quarter.',
    'The app went to version 7.4.1 and search finally works.',
    'She taught me the 12 steps she uses to prepare a complex discharge.',
    'We meet again on Nov 2 at 3 pm; our check-in on 11/02 is on Teams.',
    'He is 92 percent done with the certification modules.',
    'Kevin walked me through the discharge dashboard filters.',
    'She recommended the podcast at npr.org about caregiving.',
  ])('leaves professional-learning text alone: "%s"', (text) => {
    expect(scanForPhi(text)).toEqual([]);
  });

  it('counts offsets in UTF-16 code units, as JavaScript strings do', () => {
    // Woman health worker (5 code units: surrogate pair, ZWJ, staff, VS16) and a smiley (a surrogate pair).
    const text = '👩‍⚕️🙂 MRN 4820193';
    const [f] = scanForPhi(text);
    expect(f).toMatchObject({ kind: 'mrn', start: 8, end: 19 });
    expect([...text.slice(0, 8)].length).toBeLessThan(8);
    expect(text.slice(f!.start, f!.end)).toBe('MRN 4820193');
  });

  it.each([
    [
      'full-width digits',
      'MRN \uff14\uff18\uff12\uff10\uff11\uff19\uff13 was in the chat.',
      'mrn',
      'MRN \uff14\uff18\uff12\uff10\uff11\uff19\uff13',
    ],
    ['zero-width spaces', 'Call 312\u200b-555-\u200b0142 after rounds.', 'phone', '312\u200b-555-\u200b0142'],
    ['non-breaking hyphens', 'SSN 123\u201145\u20116789 on the form.', 'ssn', '123\u201145\u20116789'],
    [
      'a zero-width space inside a name',
      'Pt Ma\u200bria Lo\u200bpez has a new ride.',
      'name',
      'Ma\u200bria Lo\u200bpez',
    ],
    [
      'an emoji before full-width digits',
      '🙂 DOB \uff10\uff13/\uff10\uff14/\uff11\uff19\uff15\uff10',
      'date',
      '\uff10\uff13/\uff10\uff14/\uff11\uff19\uff15\uff10',
    ],
  ])('sees through %s and reports offsets of the original text', (_evasion, text, kind, span) => {
    const [f] = scanForPhi(text);
    expect(f).toEqual({ kind, start: text.indexOf(span), end: text.indexOf(span) + span.length, text: span });
    expect(text.slice(f!.start, f!.end)).toBe(f!.text);
  });

  it('finds identifiers inside hostile text without choking', () => {
    const text = '<script>alert(1)</script> ${user.ssn} [x](javascript:alert(1)) SSN 123-45-6789';
    expect(scanForPhi(text).map((f) => f.kind)).toEqual(['ssn']);
  });
});

describe('confirmations', () => {
  it('lets a save through only when every finding is edited away or confirmed', () => {
    const text = 'Call (312) 555-0142, the clinic front desk, and see MRN 4820193.';
    expect(unconfirmedFindings(text, []).map((f) => f.kind)).toEqual(['phone', 'mrn']);
    expect(unconfirmedFindings(text, [{ kind: 'phone', text: '(312) 555-0142' }]).map((f) => f.kind)).toEqual(['mrn']);
    expect(
      unconfirmedFindings(text.replace('MRN 4820193', 'the record'), [{ kind: 'phone', text: '(312) 555-0142' }]),
    ).toEqual([]);
  });
});
