// Outcomes on the dashboard page: did both people learn? The change in
// self-rated confidence per focus area, by career stage, as a grouped bar
// chart with its table, plus goals and usefulness figures and a CSV download.
import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { OutcomesView } from '../../../core/growth/api.js';
import { stageGroups } from '../../../core/growth/outcomes.js';
import { careerStages, focusAreaLabels } from '../../../core/schemas.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { ChartOrTable } from './ChartOrTable.js';
import { GroupedVerticalBarChart } from './lazyCharts.js';
import { outcomesStrings as o } from './outcomesStrings.js';
import { useOutcomes } from './useOutcomes.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

/** Chart colours that hold up in light, dark and high-contrast themes (the charts take literal colours). */
const stageColors: Record<string, string> = { early: '#5b5fc7', mid: '#13a10e', seasoned: '#0f6cbd' };

function ChangeChart({ view }: { view: OutcomesView }) {
  const rows = view.confidenceChange.map((c): [string, ...OutcomesView['people'][]] => [
    focusAreaLabels[c.focusArea],
    ...stageGroups.map((stage) => c.byStage[stage]),
  ]);
  const shown = view.confidenceChange.filter((c) => careerStages.some((s) => !c.byStage[s].suppressed));
  return (
    <ChartOrTable
      title={o.chartTitle}
      header={[o.focusArea, ...stageGroups.map((s) => o.stages[s])]}
      rows={rows}
      chart={
        shown.length ? (
          <GroupedVerticalBarChart
            width={560}
            height={280}
            chartTitle={o.chartTitle}
            data={shown.map((c) => ({
              name: focusAreaLabels[c.focusArea],
              series: careerStages.map((s) => ({
                key: s,
                legend: o.stages[s],
                color: stageColors[s],
                data: c.byStage[s].value ?? 0,
              })),
            }))}
          />
        ) : null
      }
    />
  );
}

export function OutcomesSection({
  department,
  ownScope,
  allowed,
}: {
  department: string | null;
  /** The department is the caller's own scope (the program for the owner, a lead's department). */
  ownScope: boolean;
  allowed: boolean;
}) {
  const styles = useStyles();
  const { outcomes, downloadCsv } = useOutcomes(department, ownScope, allowed);
  const view = outcomes.data?.outcomes[0];
  return (
    <section className={styles.section} aria-labelledby="outcomes-heading">
      <Text as="h2" id="outcomes-heading" size={500} weight="semibold">
        {`${o.heading}: ${view?.scope === 'program' || department === null ? o.program : department}`}
      </Text>
      <Caption1>{o.explain}</Caption1>
      <div>
        <Button onClick={() => void downloadCsv()}>{o.downloadCsv}</Button>
      </div>
      {outcomes.status === 'failed' ? <ErrorMessage error={outcomes.error} onRetry={outcomes.reload} /> : null}
      {view ? (
        <div className={styles.grid}>
          <ChangeChart view={view} />
          <ChartOrTable
            title={o.figures}
            header={[o.figures, '#']}
            chart={null}
            rows={[
              [o.people, view.people],
              [o.assessedTwice, view.assessedTwice],
              [o.goalsSet, view.goals.set],
              [o.goalsAchieved, view.goals.achieved],
              ...(view.usefulness
                ? ([
                    [o.usefulness, view.usefulness.average],
                    [o.usefulnessRatings, view.usefulness.ratings],
                  ] as Array<[string, OutcomesView['people']]>)
                : []),
            ]}
          />
        </div>
      ) : null}
    </section>
  );
}
