import type da from './da';

/** English plain-language messages (see da.ts). */
export default {
  summary: {
    heading: 'Easy to read',
    showFull: 'Show the full text',
    showPlain: 'Show the easy-to-read version',
    full: 'The full text',
    label: 'Easy-to-read summary',
    labelOptional: 'Easy-to-read summary (optional)',
    hint: 'Tell briefly about the idea in everyday words. Use short sentences. The summary comes first on the idea page.',
    left: 'You have {n} character left | You have {n} characters left',
    over: 'You have written {n} character too many | You have written {n} characters too many',
    add: 'Write an easy-to-read summary',
    edit: 'Change the easy-to-read summary',
    save: 'Save the summary',
    remove: 'Remove the summary',
    cancel: 'Cancel',
    saving: 'Saving …',
    saved: 'The easy-to-read summary is saved.',
    removed: 'The easy-to-read summary is removed.',
    empty: 'Write the summary, or choose "Remove the summary".',
    none: 'The idea has no easy-to-read summary yet.',
    moderatorHint: 'Write one if the author has not. The change goes in the log.',
  },
  intro: {
    show: 'Read an easy-to-read version',
    hide: 'Hide the easy-to-read version',
    heading: 'Easy-to-read version',
    field: 'Easy-to-read version of the introduction (optional)',
    fieldHint: 'Explain the process in short sentences and everyday words. Citizens can choose to read it on the process page.',
    long: 'Every sentence has at most {max} words.',
    longOne: 'One sentence has more than {max} words:',
    longMany: '{n} sentences have more than {max} words:',
  },
} satisfies typeof da;
