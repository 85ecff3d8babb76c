import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Agenda } from '../../../core/agenda/build.js';
import { strings } from '../../strings.js';
import { stackedList } from '../../../ui/styles.js';

const useStyles = makeStyles({
  sections: stackedList(tokens.spacingVerticalM),
  head: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  items: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  plain: { whiteSpace: 'pre-wrap', fontFamily: tokens.fontFamilyBase, margin: 0 },
});

/** The session's structured agenda (src/core/agenda), rendered as text nodes: names and items are never HTML. */
export function AgendaView({ agenda }: { agenda: unknown }) {
  const styles = useStyles();
  if (typeof agenda === 'string' && agenda.trim()) return <pre className={styles.plain}>{agenda}</pre>;
  const parsed = Agenda.safeParse(agenda);
  if (!parsed.success) return <Text>{strings.session.noAgenda}</Text>;
  return (
    <ol className={styles.sections} aria-label={parsed.data.title}>
      {parsed.data.sections.map((section, index) => (
        <li key={`${section.kind}-${index}`}>
          <div className={styles.head}>
            <Text weight="semibold">{section.title}</Text>
            <Badge appearance="tint" color="informative" size="small">
              {strings.session.agendaMinutes(section.minutes)}
            </Badge>
            {section.guide ? <Text size={200}>{strings.session.agendaGuide(section.guide)}</Text> : null}
          </div>
          {section.items.length ? (
            <ul className={styles.items}>
              {section.items.map((item, i) => (
                <li key={i}>
                  <Text size={300}>{item}</Text>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
