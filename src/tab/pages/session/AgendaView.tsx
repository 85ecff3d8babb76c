import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Agenda } from '../../../core/agenda/build.js';
import { agendaSectionsFromText, type TextAgendaSection } from '../../../core/agenda/parseText.js';
import { strings } from '../../strings.js';
import { stackedList } from '../../../ui/styles.js';
import { withoutCompiling } from '../../../client/parsing.js';

const useStyles = makeStyles({
  sections: stackedList(tokens.spacingVerticalM),
  head: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  items: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  plain: { whiteSpace: 'pre-wrap', fontFamily: tokens.fontFamilyBase, margin: 0, overflowWrap: 'anywhere' },
});

interface ShownSection extends TextAgendaSection {
  guide: string | null;
}

/** The session's agenda (structured, or the text a booking returned) as headings and lists; text nodes only, never HTML. */
export function AgendaView({ agenda }: { agenda: unknown }) {
  const styles = useStyles();
  const shown = sectionsOf(agenda);
  if (!shown) {
    if (typeof agenda === 'string' && agenda.trim()) return <pre className={styles.plain}>{agenda}</pre>;
    return <Text>{strings.session.noAgenda}</Text>;
  }
  return (
    <ol className={styles.sections} aria-label={shown.title}>
      {shown.sections.map((section, index) => (
        <li key={`${section.title}-${index}`}>
          <div className={styles.head}>
            <h3 className={styles.heading}>{section.title}</h3>
            {section.minutes !== null ? (
              <Badge appearance="tint" color="informative" size="small">
                {strings.session.agendaMinutes(section.minutes)}
              </Badge>
            ) : null}
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

function sectionsOf(agenda: unknown): { title: string; sections: ShownSection[] } | null {
  if (typeof agenda === 'string') {
    const parsed = agendaSectionsFromText(agenda);
    return parsed ? { title: parsed.title, sections: parsed.sections.map((s) => ({ ...s, guide: null })) } : null;
  }
  const parsed = Agenda.safeParse(agenda, withoutCompiling);
  return parsed.success ? parsed.data : null;
}
