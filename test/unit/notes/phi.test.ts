import { readFileSync } from 'node:fs';
import path from 'node:path';
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

describe('labelled corpus', () => {
  const rows = readFileSync(path.resolve(__dirname, '../../fixtures/phi-corpus.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; phi: boolean });

  it('has at least 200 sentences, about half with identifiers', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.filter((r) => r.phi).length).toBeGreaterThanOrEqual(100);
    expect(rows.filter((r) => !r.phi).length).toBeGreaterThanOrEqual(100);
  });

  it('meets recall >= 0.95 and precision >= 0.90 at sentence level', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    const falseAlarms: string[] = [];
    for (const r of rows) {
      const flagged = scanForPhi(r.text).length > 0;
      if (r.phi && flagged) tp++;
      else if (r.phi) {
        fn++;
        misses.push(r.text);
      } else if (flagged) {
        fp++;
        falseAlarms.push(r.text);
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `PHI guard on ${rows.length} sentences: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`,
    );
    if (misses.length) console.log(`missed: ${misses.join(' | ')}`);
    if (falseAlarms.length) console.log(`false alarms: ${falseAlarms.join(' | ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });
});
