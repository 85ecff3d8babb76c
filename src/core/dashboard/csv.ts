// The dashboard's figures as CSV, one row per figure, for export.
import type { DepartmentDashboard, Figure } from './aggregate.js';

const header = ['department', 'from', 'to', 'metric', 'key', 'value', 'suppressed'];

/** A cell a spreadsheet would run as a formula: it starts with one of these (OWASP "CSV Injection"). */
const formulaStart = /^[=+\-@\t\r]/;
/**
 * Spreadsheets in locales whose list separator is `;` split a cell there, so
 * `x;=HYPERLINK(...)` holds a formula after the separator. Quoting keeps such
 * a cell whole in every locale and the leading `'` keeps it text
 * (https://owasp.org/www-community/attacks/CSV_Injection).
 */
const formulaAfterSeparator = /[;,]\s*["']?[=+\-@\t\r]/;

/** RFC 4180 quoting, plus a leading quote for cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const formula = formulaStart.test(value) || formulaAfterSeparator.test(value);
  const safe = formula ? `'${value}` : value;
  return formula || /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function dashboardsToCsv(dashboards: readonly DepartmentDashboard[]): string {
  const rows: string[][] = [header];
  for (const d of dashboards) {
    const row = (metric: string, key: string, f: Figure) =>
      rows.push([
        d.department,
        d.period.from,
        d.period.to,
        metric,
        key,
        f.suppressed ? '' : String(f.value),
        f.suppressed ? 'true' : 'false',
      ]);
    row('people', '', d.people);
    row('activePairs', '', d.activePairs);
    for (const [k, f] of Object.entries(d.sessions)) row('sessions', k, f);
    for (const [k, f] of Object.entries(d.directionBalance.sessions)) row('directionSessions', k, f);
    for (const [k, f] of Object.entries(d.directionBalance.minutes)) row('directionMinutes', k, f);
    for (const [k, f] of Object.entries(d.focusAreaCoverage)) row('focusArea', k, f);
    for (const [k, f] of Object.entries(d.touchpointsByKind)) row('touchpoints', k, f);
    for (const [k, v] of Object.entries(d.participationByCareerStage)) {
      row('careerStagePeople', k, v.people);
      row('careerStageSessionsHeld', k, v.sessionsHeld);
    }
    row('pairsAtRisk', '', d.pairsAtRisk.count);
    for (const w of d.trendByWeek) {
      row('weekHeld', w.weekStart, w.held);
      row('weekCancelled', w.weekStart, w.cancelled);
      row('weekMinutes', w.weekStart, w.minutes);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
