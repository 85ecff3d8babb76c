// The owner's enrollment file, validated row by row: every problem names its line and column.
import { describe, expect, it } from 'vitest';
import { csvRecords, parseEnrollmentCsv } from '../../../src/core/enrollment/csv.js';

describe('enrollment CSV', () => {
  it('reads people with their focus areas and levels', () => {
    const { invitees, problems } = parseEnrollmentCsv(
      'email,careerStage,canTeach,wantsToLearn,maxPairs\r\n' +
        'Ana.Ruiz@contosohealth.example,early,technology-adoption:advanced;work-life-balance,clinical-expertise,2\r\n',
    );
    expect(problems).toEqual([]);
    expect(invitees).toEqual([
      {
        line: 2,
        email: 'ana.ruiz@contosohealth.example',
        careerStage: 'early',
        canTeach: [
          { area: 'technology-adoption', level: 'advanced' },
          { area: 'work-life-balance', level: 'intermediate' },
        ],
        wantsToLearn: [{ area: 'clinical-expertise', level: 'intermediate' }],
        maxPairs: 2,
      },
    ]);
  });

  it('names the line and column of each bad row and keeps the good ones', () => {
    const { invitees, problems } = parseEnrollmentCsv(
      [
        'email,careerStage,canTeach,maxPairs',
        'not-an-email,early,,',
        'raj@contosohealth.example,veteran,,',
        'mei@contosohealth.example,,cooking,',
        'tom@contosohealth.example,,,9',
        'grace@contosohealth.example,,,',
        'GRACE@contosohealth.example,,,',
      ].join('\n'),
    );
    expect(invitees.map((i) => i.email)).toEqual(['grace@contosohealth.example']);
    expect(problems).toEqual([
      { line: 2, field: 'email', message: 'expected an email address' },
      { line: 3, field: 'careerStage', message: 'expected early, mid or seasoned' },
      { line: 4, field: 'canTeach', message: '"cooking" is not a focus area' },
      { line: 5, field: 'maxPairs', message: 'expected a whole number from 1 to 3' },
      { line: 7, field: 'email', message: 'grace@contosohealth.example is already on an earlier line' },
    ]);
  });

  it('refuses a file without a header naming email', () => {
    expect(parseEnrollmentCsv('ana@contosohealth.example,early\n').problems[0]).toMatchObject({
      line: 1,
      field: 'header',
    });
    expect(parseEnrollmentCsv('').problems[0]).toMatchObject({ line: null, field: 'file' });
  });

  it('keeps line numbers right across quoted line breaks and blank lines', () => {
    expect(csvRecords('a,b\n"x\ny",z\n\n"q""r",s')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', 'z'] },
      { line: 5, fields: ['q"r', 's'] },
    ]);
  });
});
