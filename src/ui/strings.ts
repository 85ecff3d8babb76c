// The user-visible strings both surfaces show (English shipped): errors, the
// note editor, PHI flags, the conflict dialog, directions and focus areas.
// Functions take the values they interpolate; nothing else builds UI text.
import { focusAreaLabels, type Direction, type FocusArea } from '../core/schemas.js';

export const uiStrings = {
  errors: {
    generic: 'Something went wrong. Your changes are kept on this device.',
    notFound: 'We could not find that. It may have been removed.',
    forbidden: 'You do not have access to this.',
    throttled: 'Microsoft 365 is busy right now. Please try again in a minute.',
    unavailable: 'Microsoft 365 is not answering. Please try again in a minute.',
    offline: 'Cannot reach Reciprocal. Check your connection.',
    retry: 'Try again',
    field: (field: string, message: string) => `${field}: ${message}`,
  },
  direction: {
    reverse: 'Reverse (newer guides experienced)',
    traditional: 'Traditional (experienced guides newer)',
    both: 'Both ways',
  } satisfies Record<Direction, string>,
  focusArea: (area: FocusArea) => focusAreaLabels[area],
  focusAreas: {
    pickOne: 'Pick at least one.',
    oneEachWay: 'Both ways: pick one topic each way.',
    doesNotFit: (labels: string[]) => `${labels.join(', ')} does not fit this direction: pick from the topics listed.`,
    guidedBy: {
      reverse: 'The newer person guides',
      traditional: 'The experienced person guides',
    },
  },
  note: {
    myNote: 'My note',
    taught: 'What I taught',
    learned: 'What I learned',
    actionItems: 'Action items',
    addActionItem: 'Add action item',
    newActionItem: 'New action item',
    remove: 'Remove',
    removeActionItem: (text: string) => `Remove action item "${text}"`,
    assignee: (itemLabel: string) => `Who does ${itemLabel}`,
    assigneeMe: (name: string) => `${name} (me)`,
    assignedTo: (name: string) => `for ${name}`,
    assignedToMe: 'for me',
    focusAreas: 'Focus areas',
    save: 'Save note',
    saving: 'Saving…',
    saved: 'Saved.',
    draftRestored: 'We restored an unsaved draft from this device.',
    draftRestoredFromTenant: 'We restored your unsaved draft.',
    draftOnDeviceOnly: {
      flagged:
        'Your draft is kept on this device only: it has text flagged as a possible patient identifier, which is not stored in Microsoft 365 until you edit it out or confirm it.',
      unreachable: 'Your draft is kept on this device only for now: Reciprocal could not be reached to keep a copy.',
      window:
        'Your draft is kept in this window only: it has flagged text, and this browser gives the tab no storage, so closing the panel loses it. Edit or confirm the flagged text.',
    },
    draftKept: 'Not saved yet: your draft is kept on this device.',
    limit: (used: number, max: number) => `${used} / ${max}`,
    overLimit: (used: number, max: number) =>
      `${used.toLocaleString('en-US')} characters: the limit is ${max.toLocaleString('en-US')}. Shorten it by ${(used - max).toLocaleString('en-US')} before saving.`,
    empty: 'The note is empty: write what you taught or learned, or add an action item, then save.',
    tooLong: 'A field is over its limit: shorten it, then save.',
    phi: {
      title: 'This may contain patient information',
      explain:
        'Notes are about professional learning and must not carry patient identifiers. Edit the highlighted text, or confirm that it is not a patient identifier.',
      finding: (kind: string, text: string) => `${kind}: "${text}"`,
      confirm: 'Not patient data',
      confirmed: 'Confirmed',
      inField: (field: string) => `In "${field}"`,
      mustResolve: 'Edit or confirm each highlighted item before saving.',
      kinds: {
        ssn: 'Social Security number',
        mrn: 'Medical record number',
        phone: 'Phone number',
        fax: 'Fax number',
        email: 'Email address',
        date: 'Date tied to a person',
        dob: 'Date of birth',
        address: 'Street address',
        zip: 'ZIP code',
        url: 'Web address',
        ip: 'IP address',
        'health-plan': 'Health plan number',
        account: 'Account number',
        license: 'License number',
        device: 'Device identifier',
        vehicle: 'Vehicle identifier',
        name: 'Patient name',
        'patient-name': 'Patient name',
        id: 'Identifying number',
      } as Record<string, string>,
    },
    conflict: {
      title: 'This note changed on another device',
      explain: 'Your note was saved somewhere else while you were editing. Choose which version to keep.',
      mine: 'Keep my version',
      theirs: 'Use the saved version',
      savedVersion: 'Saved version',
      myVersion: 'My version',
    },
  },
};
