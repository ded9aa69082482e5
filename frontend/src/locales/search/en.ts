import type da from './da';

export default {
  list: {
    phase: 'Phase',
    allPhases: 'All phases',
    relevance: 'Sorted by relevance',
    empty: 'We found no ideas that match your search',
    emptyHint: 'Try fewer words, check the spelling, or remove a filter.',
  },
  similar: {
    heading: 'Is your idea like one of these?',
    intro: 'Someone may already have proposed something similar. You can support their idea instead, or continue with your own.',
    found: 'We found {n} idea like yours. It is below the field. | We found {n} ideas like yours. They are below the field.',
    votes: '{n} vote | {n} votes',
    comments: '{n} comment | {n} comments',
    preview: 'Read more',
    open: 'Go to the idea',
    openHint: 'Your draft is saved, so you can come back and continue writing.',
    support: 'Support this idea instead',
    supported: 'Thank you. You now support the idea.',
    alreadyVoted: 'You have already voted for this idea.',
    votingClosed: 'Voting is not open right now, but you can read the idea and comment on it.',
    continue: 'My idea is different – continue',
  },
} satisfies typeof da;
