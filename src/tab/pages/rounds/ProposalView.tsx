// A round's proposal: each pair with its score and reasons (lock, drop, choose two to swap), the
// people left unmatched with why, re-run and publish; once published, when the next round is due.
import { Button, Checkbox, makeStyles, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PeoplePair, Round, RoundEdit } from '../../../core/enrollment/index.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useAction } from '../../../ui/useAction.js';
import { roundsStrings as s } from './strings.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  pair: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ProposalActions {
  edit: (id: string, change: RoundEdit) => Promise<void>;
  rerun: (id: string) => Promise<void>;
  publish: (id: string) => Promise<void>;
}

export function ProposalView({ round, actions }: { round: Round; actions: ProposalActions }) {
  const styles = useStyles();
  const action = useAction();
  const [chosen, setChosen] = useState<PeoplePair[]>([]);
  const name = (id: string) => round.people.find((p) => p.id === id)?.displayName ?? id;
  const editable = round.status === 'proposed';
  const run = (f: () => Promise<void>) => void action.run(async () => (await f(), setChosen([])));
  const isChosen = (a: string, b: string) => chosen.some(([x, y]) => x === a && y === b);
  const toggle = (a: string, b: string, on: boolean) =>
    setChosen((c) =>
      on
        ? [...c.filter(([x, y]) => !(x === a && y === b)), [a, b] as PeoplePair].slice(-2)
        : c.filter(([x, y]) => !(x === a && y === b)),
    );
  return (
    <section className={styles.section} aria-labelledby="proposal-heading">
      <Text as="h2" id="proposal-heading" size={500} weight="semibold">
        {s.proposal.heading}
      </Text>
      {round.publishedAt && <Text>{s.proposal.published(round.publishedAt.slice(0, 10))}</Text>}
      {round.nextRoundOn && <Text>{s.proposal.next(round.nextRoundOn)}</Text>}
      {round.pairs.length === 0 && <Text>{s.proposal.noPairs}</Text>}
      <ul className={styles.list} aria-label={s.proposal.pairs}>
        {round.pairs.map((p) => (
          <li key={`${p.a}|${p.b}`} className={styles.pair}>
            <div className={styles.row}>
              <Text weight="semibold">{`${name(p.a)} + ${name(p.b)}`}</Text>
              <Text>{s.proposal.score(p.score)}</Text>
              {p.locked && <Text weight="semibold">{s.proposal.locked}</Text>}
            </div>
            <ul className={styles.reasons}>
              {p.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {editable && (
              <div className={styles.row}>
                <ToggleButton
                  checked={p.locked}
                  onClick={() =>
                    run(() => actions.edit(round.id, { action: 'lock', pair: [p.a, p.b], locked: !p.locked }))
                  }
                  aria-label={`${s.proposal.lock} ${name(p.a)} and ${name(p.b)}`}
                >
                  {s.proposal.lock}
                </ToggleButton>
                <Button
                  onClick={() => run(() => actions.edit(round.id, { action: 'drop', pair: [p.a, p.b] }))}
                  aria-label={`${s.proposal.drop} ${name(p.a)} and ${name(p.b)}`}
                >
                  {s.proposal.drop}
                </Button>
                <Checkbox
                  label={s.proposal.pick(name(p.a), name(p.b))}
                  checked={isChosen(p.a, p.b)}
                  onChange={(_, d) => toggle(p.a, p.b, Boolean(d.checked))}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
      <Text as="h3" size={400} weight="semibold">
        {s.proposal.unmatched}
      </Text>
      {round.unmatched.length === 0 ? (
        <Text>{s.proposal.none}</Text>
      ) : (
        <ul aria-label={s.proposal.unmatched}>
          {round.unmatched.map((u) => (
            <li key={u.id}>{`${name(u.id)}: ${u.reason}`}</li>
          ))}
        </ul>
      )}
      {action.error !== null && <ErrorMessage error={action.error} />}
      {round.status !== 'published' && (
        <div className={styles.row}>
          {editable && (
            <>
              <Button
                disabled={chosen.length !== 2 || action.working}
                onClick={() =>
                  run(() => actions.edit(round.id, { action: 'swap', first: chosen[0]!, second: chosen[1]! }))
                }
              >
                {s.proposal.swap}
              </Button>
              <Button disabled={action.working} onClick={() => run(() => actions.rerun(round.id))}>
                {s.proposal.rerun}
              </Button>
            </>
          )}
          {/* A round left `publishing` (an instance stopped midway) is finished by publishing again. */}
          <Button appearance="primary" disabled={action.working} onClick={() => run(() => actions.publish(round.id))}>
            {s.proposal.publish}
          </Button>
        </div>
      )}
    </section>
  );
}
