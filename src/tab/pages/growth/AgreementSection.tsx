// One pair's agreement: the template's sections, who accepted when, and the
// caller's "Accept" button while they have not.
import { Badge, Button, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { agreementSections, type PairAgreement } from '../../../core/growth/model.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useAction } from '../../../ui/useAction.js';
import { growthStrings } from './strings.js';

const s = growthStrings.agreement;
const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  terms: {
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: `0 0 ${tokens.spacingVerticalS}` },
  },
  who: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function AgreementCard({
  agreement,
  me,
  locale,
  onAccept,
}: {
  agreement: PairAgreement;
  me: string;
  locale: string;
  onAccept: () => Promise<void>;
}) {
  const styles = useStyles();
  const { working, error, run } = useAction();
  const partner = agreement.people.find((p) => p.userId !== me)?.displayName ?? '';
  const headingId = `agreement-${agreement.pairId}`;
  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Text as="h3" id={headingId} weight="semibold" size={400} style={{ margin: 0 }}>
          {`${s.heading}: ${partner}`}
        </Text>
        <Badge appearance="filled" color={agreement.pending ? 'warning' : 'success'}>
          {agreement.pending ? s.pending : s.acceptedBoth}
        </Badge>
      </div>
      <Text>{s.intro(partner)}</Text>
      <dl className={styles.terms}>
        {agreementSections.map((key) => (
          <div key={key}>
            <dt>{s.sections[key]}</dt>
            <dd>{agreement.template[key]}</dd>
          </div>
        ))}
      </dl>
      <ul className={styles.who}>
        {agreement.people.map((p) => {
          const accepted = agreement.acceptances.find((a) => a.userId === p.userId);
          return (
            <li key={p.userId}>
              {accepted
                ? s.acceptedBy(
                    p.displayName,
                    new Date(accepted.acceptedAt).toLocaleDateString(locale, { dateStyle: 'medium' }),
                  )
                : s.waitingFor(p.displayName)}
            </li>
          );
        })}
      </ul>
      {agreement.acceptedByMe ? null : (
        <div>
          <Button appearance="primary" disabled={working} onClick={() => void run(onAccept)}>
            {working ? s.accepting : s.accept}
          </Button>
        </div>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </Card>
  );
}
