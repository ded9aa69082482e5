import type { Scenario } from './usage';

/** Gentofte's process: 6 months (issue 19). */
export const gentofte: Scenario = { participants: 5000, ideas: 500, votes: 20000, comments: 5000, views: 200000, months: 6 };

/** Every one of Denmark's 98 municipalities running a Gentofte-size process on one deployment in the same month. */
export const municipalities = 98;
export const national: Scenario = {
  participants: gentofte.participants * municipalities,
  ideas: gentofte.ideas * municipalities,
  votes: gentofte.votes * municipalities,
  comments: gentofte.comments * municipalities,
  views: gentofte.views * municipalities,
  months: gentofte.months,
  // One idea shared widely: 100,000 votes in a day (borgerforslag.dk's record was that in 6.5 hours).
  viralVotes: 100_000,
};

/** No traffic at all: what the standing resources cost, with a finished Gentofte process still in the table. */
export const idle: Scenario = {
  participants: 0,
  ideas: 0,
  votes: 0,
  comments: 0,
  views: 0,
  months: 1,
  held: { participants: gentofte.participants, ideas: gentofte.ideas, votes: gentofte.votes, comments: gentofte.comments },
};

export const scenarios: { title: string; scenario: Scenario }[] = [
  { title: 'idle month', scenario: idle },
  { title: 'Gentofte (a month of 6)', scenario: gentofte },
  { title: 'national month + viral idea', scenario: national },
];
