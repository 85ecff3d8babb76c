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
  /** The program owner's editor of the agreement template (on the program admin page). */
  template: {
    heading: 'Pair agreement template',
    explain:
      'Every pair reads this agreement and each person accepts it. Keep each part short and plain; no patient details.',
    versions:
      'Saving changes the text every pair sees from now on. Pairs who already accepted are not asked to accept again: their acceptance stands.',
    hint: (length: number, max: number) => `${length} of ${max} characters`,
    empty: 'Write something here: every pair reads this part.',
    tooLong: (max: number) => `Keep this part to ${max} characters or fewer.`,
    phi: (text: string) => `This looks like a patient identifier (“${text}”). Take it out, then save.`,
    fixFields: 'Check the parts marked below, then save again.',
    save: 'Save agreement',
    saving: 'Saving…',
    saved: 'Saved. New and pending pairs see this text now.',
    unchanged: 'No changes to save.',
    discard: 'Undo my changes',
    unsaved: 'You have unsaved changes to the agreement.',
    leaveTitle: 'Leave without saving?',
    leaveBody: 'Your changes to the agreement template are not saved yet.',
    stay: 'Stay and save',
    leave: 'Leave without saving',
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
