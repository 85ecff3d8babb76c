// A person's own participation record as a PDF (pdfkit): sessions held, hours
// as guide and as learner by focus area, goals achieved (the person's own goal
// titles), for a period. The kind of record case managers keep for their
// professional development. Never note text: notes are not read at all.
import {
  participationRecord,
  formatHours,
  type ParticipationRecord,
  type RecordArea,
} from '../../../src/core/growth/participation.js';
import { focusAreaLabels, type FocusArea } from '../../../src/core/schemas.js';
import type { ProgramPorts } from '../ports.js';
import { achievedOn } from './goals.js';
import { goalsOf } from '../../graph/growthStore.js';

export interface RecordPeriod {
  from: number;
  to: number;
}

export async function myParticipationRecord(
  ports: Pick<ProgramPorts, 'store'>,
  personId: string,
  period: RecordPeriod,
): Promise<ParticipationRecord> {
  const pairs = await ports.store.pairsOf(personId);
  const [sessions, goals] = await Promise.all([
    Promise.all(pairs.map((p) => ports.store.sessionsOfPair(p.id))).then((lists) => lists.flat()),
    goalsOf(ports.store, personId),
  ]);
  return participationRecord({
    personId,
    period: { from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString() },
    pairs,
    sessions,
    goalsAchieved: goals.flatMap((g) => {
      const on = achievedOn(g);
      return on ? [{ title: g.title, achievedOn: on }] : [];
    }),
  });
}

const areaLabel = (area: RecordArea) => (area === 'open' ? 'Open topic' : focusAreaLabels[area as FocusArea]);
const day = (iso: string) => iso.slice(0, 10);

function hoursTable(doc: PDFKit.PDFDocument, title: string, hours: ParticipationRecord['hoursAsGuide'], total: number) {
  doc
    .moveDown()
    .fontSize(13)
    .text(`${title}: ${formatHours(total)} h`);
  const rows = Object.entries(hours).sort(([a], [b]) => a.localeCompare(b));
  doc.fontSize(11);
  if (rows.length === 0) doc.text('None in this period.', { indent: 12 });
  for (const [area, h] of rows) doc.text(`${areaLabel(area as RecordArea)}: ${formatHours(h)} h`, { indent: 12 });
}

/** The record as a PDF document. */
export async function participationRecordPdf(record: ParticipationRecord, personName: string): Promise<Buffer> {
  // Loaded on the first download, not with the server: few people download a record, every start loaded pdfkit.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Reciprocal participation record' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(18).text('Reciprocal participation record');
  doc.moveDown(0.5).fontSize(12).text(personName);
  // `to` is exclusive; the record names the last day it covers.
  const lastDay = new Date(Date.parse(record.period.to) - 1).toISOString();
  doc.text(`Period: ${day(record.period.from)} to ${day(lastDay)}`);
  doc.moveDown().fontSize(13).text(`Sessions held: ${record.sessionsHeld}`);
  if (record.partners.length) doc.fontSize(11).text(`With: ${record.partners.join(', ')}`, { indent: 12 });
  hoursTable(doc, 'Hours as guide', record.hoursAsGuide, record.totalHoursAsGuide);
  hoursTable(doc, 'Hours as learner', record.hoursAsLearner, record.totalHoursAsLearner);
  doc.moveDown().fontSize(13).text(`Goals achieved: ${record.goalsAchieved.length}`);
  doc.fontSize(11);
  for (const g of record.goalsAchieved) doc.text(`${day(g.achievedOn)}: ${g.title}`, { indent: 12 });
  doc
    .moveDown(2)
    .fontSize(9)
    .text('Hours split each session between its directions as its agenda does; notes are not included.');
  doc.end();
  return done;
}
