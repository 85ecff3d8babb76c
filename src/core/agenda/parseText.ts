// Reads back the plain-text agenda (`agendaToText`) into sections, so a
// surface that only has the text (a booking's confirmation, an older session)
// can still show headings and lists, as Outlook shows the HTML agenda.
export interface TextAgendaSection {
  title: string;
  minutes: number | null;
  items: string[];
}

const sectionLine = /^(.+?) \((\d+) min\)$/;
const itemLine = /^ {2}- (.*)$/;

/** Sections of a text agenda, or null when the text is not one (then show it as it is). */
export function agendaSectionsFromText(text: string): { title: string; sections: TextAgendaSection[] } | null {
  const lines = text.split(/\r?\n/);
  const title = lines[0]?.trim() ?? '';
  const sections: TextAgendaSection[] = [];
  for (const line of lines.slice(1)) {
    const item = itemLine.exec(line);
    const head = sectionLine.exec(line);
    if (item && sections.length) sections[sections.length - 1]!.items.push(item[1]!);
    else if (head) sections.push({ title: head[1]!, minutes: Number(head[2]), items: [] });
  }
  return title && sections.length ? { title, sections } : null;
}
