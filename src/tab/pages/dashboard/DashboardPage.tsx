// Department dashboard (leads: their own department) and program overview
// (the program owner: every department side by side). Aggregates only; the
// charts package loads once the figures are on screen (lazyCharts.ts).
import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Link as RouterLink } from 'react-router';
import type { PagedDepartmentDashboard } from '../../../core/dashboard/answers.js';
import { focusAreaLabels, type CareerStage, type FocusArea, type TouchpointKind } from '../../../core/schemas.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { SelectField } from '../../components/SelectField.js';
import { periodDays } from '../../dashboardPaths.js';
import { strings } from '../../strings.js';
import { atRiskStrings } from './atRiskStrings.js';
import { AtRiskSection } from './AtRiskSection.js';
import type { AtRiskScope } from './useAtRiskPages.js';
import { ChartOrTable, figureText } from './ChartOrTable.js';
import { DonutChart, VerticalBarChart } from './lazyCharts.js';
import { OutcomesSection } from './OutcomesSection.js';
import { useDashboard } from './useDashboard.js';
import { panel } from './panel.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  controls: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'end', flexWrap: 'wrap' },
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  tile: { ...panel, padding: tokens.spacingHorizontalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  overview: {
    borderCollapse: 'collapse',
    width: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    '& th, & td': {
      textAlign: 'left',
      padding: tokens.spacingHorizontalS,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
});

const d = strings.dashboard;
/** Chart colours that hold up in light, dark and high-contrast themes (the charts take literal colours). */
const directionColors: Record<string, string> = { reverse: '#5b5fc7', traditional: '#0f6cbd', both: '#13a10e' };
const weekLabel = (isoDate: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

function Tiles({ dash }: { dash: PagedDepartmentDashboard }) {
  const styles = useStyles();
  const tiles: Array<[string, string]> = [
    [d.people, figureText(dash.people)],
    [d.activePairs, figureText(dash.activePairs)],
    [d.planned, figureText(dash.sessions.planned)],
    [d.held, figureText(dash.sessions.held)],
    [d.cancelled, figureText(dash.sessions.cancelled)],
    [d.noShow, figureText(dash.sessions.noShow)],
    [d.adherence, figureText(dash.sessions.adherencePercent, '%')],
    [d.atRisk, figureText(dash.pairsAtRisk.count)],
  ];
  return (
    <div className={styles.tiles} role="list" aria-label={`${dash.department}: key figures`}>
      {tiles.map(([label, value]) => (
        <div key={label} className={styles.tile} role="listitem">
          <Caption1>{label}</Caption1>
          <Text size={600} weight="semibold">
            {value}
          </Text>
        </div>
      ))}
    </div>
  );
}

function Department({
  dash,
  isOwner,
  period,
}: {
  dash: PagedDepartmentDashboard;
  isOwner: boolean;
  period: AtRiskScope['period'];
}) {
  const styles = useStyles();
  const directionKeys = Object.keys(dash.directionBalance.sessions);
  const directions = Object.entries(dash.directionBalance.sessions).map(([k, f]): [string, typeof f] => [
    d.directions[k] ?? k,
    f,
  ]);
  const visibleDirections = directions
    .map((row, i) => ({ row, color: directionColors[directionKeys[i]!] ?? '#5b5fc7' }))
    .filter(({ row: [, f] }) => !f.suppressed && f.value > 0);
  const weeks = dash.trendByWeek.map((w): [string, typeof w.held] => [w.weekStart, w.held]);
  const focus = Object.entries(dash.focusAreaCoverage).map(([k, f]): [string, typeof f] => [
    focusAreaLabels[k as FocusArea] ?? k,
    f,
  ]);
  const touchpoints = Object.entries(dash.touchpointsByKind).map(([k, f]): [string, typeof f] => [
    strings.touchpointKind[k as TouchpointKind] ?? k,
    f,
  ]);
  const stages = Object.entries(dash.participationByCareerStage).map(([k, v]): [string, typeof v.people] => [
    strings.careerStage[k as CareerStage] ?? k,
    v.people,
  ]);
  return (
    <>
      <Tiles dash={dash} />
      <div className={styles.grid}>
        <ChartOrTable
          title={d.direction}
          header={[d.direction, d.held]}
          rows={directions}
          chart={
            visibleDirections.length ? (
              <DonutChart
                width={360}
                height={240}
                innerRadius={55}
                data={{
                  chartTitle: d.direction,
                  chartData: visibleDirections.map(({ row: [legend, f], color }) => ({
                    legend,
                    data: f.value ?? 0,
                    color,
                  })),
                }}
              />
            ) : null
          }
        />
        <ChartOrTable
          title={d.trend}
          header={[d.week, d.held]}
          rows={weeks}
          chart={
            weeks.some(([, f]) => !f.suppressed && f.value > 0) ? (
              <VerticalBarChart
                width={420}
                height={240}
                chartTitle={d.trend}
                hideLegend
                useSingleColor
                colors={['#5b5fc7']}
                data={weeks.slice(-8).map(([x, f]) => ({
                  x: weekLabel(x),
                  y: f.suppressed ? 0 : (f.value ?? 0),
                  legend: d.held,
                  ...(f.suppressed ? { yAxisCalloutData: d.suppressed } : {}),
                }))}
              />
            ) : null
          }
        />
        <ChartOrTable title={d.focus} header={[d.focus, d.held]} rows={focus} chart={null} />
        <ChartOrTable title={d.touchpoints} header={[d.touchpoints, '#']} rows={touchpoints} chart={null} />
        <ChartOrTable title={d.stages} header={[d.stage, d.people]} rows={stages} chart={null} />
        {isOwner && (
          <AtRiskSection first={dash.pairsAtRisk} scope={{ department: dash.department, period }} heading={d.atRisk} />
        )}
      </div>
    </>
  );
}

function Overview({
  dashboards,
  onPick,
}: {
  dashboards: PagedDepartmentDashboard[];
  onPick: (department: string) => void;
}) {
  const styles = useStyles();
  return (
    <table className={styles.overview} aria-label={d.programTitle}>
      <thead>
        <tr>
          {[d.department, d.people, d.activePairs, d.held, d.adherence, d.atRisk].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {dashboards.map((x) => (
          <tr key={x.department}>
            <th scope="row">
              <Button appearance="transparent" onClick={() => onPick(x.department)}>
                {x.department}
              </Button>
            </th>
            <td>{figureText(x.people)}</td>
            <td>{figureText(x.activePairs)}</td>
            <td>{figureText(x.sessions.held)}</td>
            <td>{figureText(x.sessions.adherencePercent, '%')}</td>
            <td>{figureText(x.pairsAtRisk.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function DashboardPage() {
  const styles = useStyles();
  const { isOwner, allowed, department, ownScope, setDepartment, days, setDays, period, figures, downloadCsv } =
    useDashboard();
  // Said as it is: ErrorMessage shows only a request's own message, and this is none.
  if (!allowed) return <Text role="alert">{d.forbidden}</Text>;
  const dashboards = figures.data?.dashboards ?? [];
  return (
    <div className={styles.page}>
      <Text as="h1" size={600} weight="semibold">
        {department === null ? d.programTitle : `${d.title}: ${department}`}
      </Text>
      <Caption1>{d.privacy}</Caption1>
      <div className={styles.controls}>
        {isOwner && (
          <SelectField
            label={d.department}
            value={department ?? ''}
            options={['', ...(department === null ? dashboards.map((x) => x.department) : [department])]}
            optionLabel={(name) => (name === '' ? d.allDepartments : name)}
            onChange={(name) => setDepartment(name === '' ? null : name)}
          />
        )}
        <SelectField
          label={d.period}
          value={days}
          options={periodDays}
          optionLabel={(p) => d.periods[p]}
          onChange={setDays}
        />
        <Button onClick={() => void downloadCsv()}>{d.downloadCsv}</Button>
        {department !== null && isOwner && (
          <RouterLink to="/tab/dashboard" onClick={() => setDepartment(null)}>
            {d.allDepartments}
          </RouterLink>
        )}
      </div>
      {figures.status === 'loading' && figures.data === null ? <PageSkeleton /> : null}
      {figures.status === 'failed' ? <ErrorMessage error={figures.error} /> : null}
      {department === null ? (
        <>
          <Overview dashboards={dashboards} onPick={setDepartment} />
          {figures.data?.pairsAtRisk ? (
            <AtRiskSection
              first={figures.data.pairsAtRisk}
              scope={{ department: null, period }}
              heading={atRiskStrings.programHeading}
            />
          ) : null}
        </>
      ) : dashboards[0] ? (
        <Department dash={dashboards[0]} isOwner={isOwner} period={period} />
      ) : null}
      <OutcomesSection department={department} ownScope={ownScope} allowed={allowed} />
    </div>
  );
}
