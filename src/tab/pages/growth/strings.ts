// The strings of the Growth page (agreement, goals, self-assessment, record).
import type { AgreementTemplate, GoalKind, GoalProgress } from '../../../core/growth/model.js';

export const growthStrings = {
  title: 'Growth',
  agreement: {
    heading: 'Pair agreement',
    intro: (partner: string) => `What you and ${partner} agree on. Sessions can be booked before you both accept.`,
    sections: {
      cadence: 'How often we meet',
      confidentiality: 'What stays between us',
      boundaries: 'Boundaries',
      noPatientIdentifiers: 'No patient identifiers',
      askingForChange: 'Asking for a change',
    } satisfies Record<keyof AgreementTemplate, string>,
    accept: 'Accept the agreement',
    accepting: 'Accepting…',
    pending: 'Agreement pending',
    acceptedBoth: 'You both accepted',
    acceptedBy: (name: string, when: string) => `${name} accepted on ${when}`,
    waitingFor: (name: string) => `Waiting for ${name} to accept`,
    none: 'You are not in a pair yet, so there is no agreement to accept.',
  },
  goals: {
    heading: 'My goals',
    explain: 'What you want to learn and what you will teach. Open goals appear in each session’s agenda to review.',
    kind: { learn: 'To learn', teach: 'To teach' } satisfies Record<GoalKind, string>,
    progress: { 'not-started': 'Not started', 'under-way': 'Under way', achieved: 'Achieved' } satisfies Record<
      GoalProgress,
      string
    >,
    kindLabel: 'Kind',
    focusArea: 'Focus area',
    title: 'Goal',
    titleHint: 'One line, about your learning: no patient details.',
    add: 'Add goal',
    adding: 'Adding…',
    none: 'No goals yet.',
    progressLabel: (title: string) => `Progress of “${title}”`,
    update: 'One-line update',
    updateFor: (title: string) => `Update on “${title}”`,
    save: 'Save update',
    lastUpdate: (when: string, text: string) => `${when}: ${text}`,
    listLabel: 'My goals',
  },
  assessment: {
    heading: 'Self-assessment',
    explain:
      'Rate your confidence in each focus area from 1 to 5. Only you see your ratings; the program sees only group averages of at least 5 people.',
    lastTaken: (when: string) => `Last taken on ${when}.`,
    never: 'You have not taken one yet.',
    save: 'Save self-assessment',
    saving: 'Saving…',
    saved: 'Saved. Thank you.',
    rateAtLeastOne: 'Rate at least one focus area.',
    level: (n: number, anchor: string) => `${n}: ${anchor}`,
  },
  record: {
    heading: 'Participation record',
    explain:
      'Your sessions and hours as guide and as learner, for your professional development file. Never note text.',
    from: 'From',
    to: 'To',
    download: 'Download PDF',
  },
};
