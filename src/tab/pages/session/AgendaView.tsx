import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { strings } from '../../strings.js';

const useStyles = makeStyles({
  plain: { whiteSpace: 'pre-wrap', fontFamily: tokens.fontFamilyBase, margin: 0 },
});

/** The session's agenda as posted; text only, React escapes it. */
export function AgendaView({ agenda }: { agenda: unknown }) {
  const styles = useStyles();
  if (agenda === null || agenda === undefined) return <Text>{strings.session.noAgenda}</Text>;
  if (typeof agenda === 'string') return <pre className={styles.plain}>{agenda}</pre>;
  return <pre className={styles.plain}>{JSON.stringify(agenda, null, 2)}</pre>;
}
