// Every user-visible string of the Outlook task pane (English shipped). What it
// shares with the tab (note editor, errors, focus areas) has its strings in src/ui.
import type { MeetingRole } from './meetingItem.js';

export const paneStrings = {
  appName: 'Reciprocal',
  starting: 'Opening Reciprocal…',
  redirecting: 'Taking you to sign-in…',
  role: { organizer: 'Organizer', attendee: 'Attendee' } satisfies Record<MeetingRole, string>,
  notAnAppointment: 'Open Reciprocal from a meeting in your calendar.',
  notSaved: 'Save this meeting first: Reciprocal links to a saved meeting.',
  browserHosted: {
    title: 'Browser-hosted task pane',
    explain:
      'Outside Outlook, this pane works on a simulated Outlook meeting taken from your calendar on the dev tenant.',
    pick: 'Pick a meeting to open',
    none: 'You have no meetings in the next two weeks. Book a session from the Teams tab first.',
    open: (subject: string) => `Open "${subject}"`,
    change: 'Change meeting',
    bodyTitle: 'Meeting body (simulated Outlook item)',
    asRole: (role: MeetingRole) => (role === 'organizer' ? 'you organize it' : 'you are invited'),
  },
  session: {
    heading: (partner: string) => `Reciprocal session with ${partner}`,
    when: (start: string, end: string) => `${start} – ${end}`,
    markedNotMine: 'This meeting is marked as a Reciprocal session, but not for a pair you are in.',
    agenda: 'Agenda',
    noAgenda: 'No agenda is stored for this session.',
    insert: 'Insert agenda into the meeting',
    update: 'Update the agenda in the meeting',
    inserting: 'Inserting…',
    inserted: 'Agenda inserted. What you wrote in the meeting is kept.',
    replaced: 'Agenda updated in the meeting. Only the Reciprocal agenda was replaced.',
    unchanged: 'The meeting already has the current agenda.',
    attendeeAgenda: 'Only the organizer can change the meeting; here is the agenda.',
  },
  link: {
    heading: 'Not a Reciprocal session yet',
    explain: 'Link this meeting to one of your pairs so its agenda and notes live in Reciprocal.',
    pair: 'Pair',
    pairOption: (partner: string, department: string) => `${partner} (${department})`,
    noPairs: 'You are not in an active pair.',
    direction: 'Direction',
    focusAreas: 'Focus areas',
    focusAreasHint: 'Pick at least one.',
    submit: 'Make this a Reciprocal session',
    submitting: 'Linking…',
    pickFocusArea: 'Pick at least one focus area.',
  },
  notes: {
    heading: 'My notes for this meeting',
    partnerWrote: (name: string) => `${name} has written their note.`,
  },
};
