import type { RouteMeta } from '../route-meta';

const organisers = { roles: ['admin', 'moderator'] } as const;

/**
 * The events module's routes (area `events`): events and sign-ups with a waiting list, the
 * organisers' list with check-in, and the live round in the room. Spread into the route table
 * (`../route-meta.ts`). The workspace's routes live under `/organiser/` beside the public ones.
 */
export const eventRouteMeta = {
  listEvents: {
    method: 'GET', path: '/api/processes/{processId}/events',
    area: 'events', access: 'public', status: 200,
  },
  getEvent: {
    method: 'GET', path: '/api/processes/{processId}/events/{eventId}',
    area: 'events', access: 'public', status: 200,
  },
  eventCalendar: {
    method: 'GET', path: '/api/processes/{processId}/events/{eventId}/calendar',
    area: 'events', access: 'public', status: 200,
  },
  eventLiveResults: {
    method: 'GET', path: '/api/processes/{processId}/events/{eventId}/live-rounds',
    area: 'events', access: 'public', status: 200,
  },
  getLiveRound: {
    method: 'GET', path: '/api/live/{code}',
    area: 'events', access: 'public', status: 200,
  },
  answerLive: {
    method: 'POST', path: '/api/live/{code}/answers',
    area: 'events', access: 'public', status: 201,
  },
  mySignup: {
    method: 'GET', path: '/api/processes/{processId}/events/{eventId}/signup',
    area: 'events', access: 'user', status: 200,
  },
  signUp: {
    method: 'POST', path: '/api/processes/{processId}/events/{eventId}/signup',
    area: 'events', access: 'user', status: 201,
  },
  cancelSignup: {
    method: 'DELETE', path: '/api/processes/{processId}/events/{eventId}/signup',
    area: 'events', access: 'user', status: 204,
  },
  mySignups: {
    method: 'GET', path: '/api/me/event-signups',
    area: 'events', access: 'user', status: 200,
  },
  createEvent: {
    method: 'POST', path: '/api/processes/{processId}/events',
    area: 'events', access: { roles: ['admin'] }, status: 201,
  },
  updateEvent: {
    method: 'PATCH', path: '/api/processes/{processId}/events/{eventId}',
    area: 'events', access: { roles: ['admin'] }, status: 200,
  },
  workspaceEvents: {
    method: 'GET', path: '/api/processes/{processId}/organiser/events',
    area: 'events', access: organisers, status: 200,
  },
  eventSignups: {
    method: 'GET', path: '/api/processes/{processId}/organiser/events/{eventId}/signups',
    area: 'events', access: organisers, status: 200,
  },
  exportSignups: {
    method: 'GET', path: '/api/processes/{processId}/organiser/events/{eventId}/signups/export',
    area: 'events', access: organisers, status: 200,
  },
  checkIn: {
    method: 'PUT', path: '/api/processes/{processId}/organiser/events/{eventId}/signups/{signupId}/checkin',
    area: 'events', access: organisers, status: 200,
  },
  liveRounds: {
    method: 'GET', path: '/api/processes/{processId}/organiser/events/{eventId}/live-rounds',
    area: 'events', access: organisers, status: 200,
  },
  createLiveRound: {
    method: 'POST', path: '/api/processes/{processId}/organiser/events/{eventId}/live-rounds',
    area: 'events', access: organisers, status: 201,
  },
  saveLiveRound: {
    method: 'PUT', path: '/api/processes/{processId}/organiser/events/{eventId}/live-rounds/{roundId}',
    area: 'events', access: organisers, status: 200,
  },
  setLiveRoundState: {
    method: 'POST', path: '/api/processes/{processId}/organiser/events/{eventId}/live-rounds/{roundId}/state',
    area: 'events', access: organisers, status: 200,
  },
  liveRoundResults: {
    method: 'GET', path: '/api/processes/{processId}/organiser/events/{eventId}/live-rounds/{roundId}/results',
    area: 'events', access: { roles: ['admin', 'moderator', 'committee'] }, status: 200,
  },
} as const satisfies Record<string, RouteMeta>;

export const eventRouteSummaries: Record<keyof typeof eventRouteMeta, string> = {
  listEvents: "A process's published events by start time, with seats taken and the waiting list's length",
  getEvent: 'One published event',
  eventCalendar: 'The event as an iCalendar file (.ics) for a calendar program',
  eventLiveResults: "The results of the event's closed live rounds",
  getLiveRound: 'The live round behind a short code: its questions while open (no sign-in)',
  answerLive: 'Answer one question of an open live round from a phone, once per browser token (no sign-in)',
  mySignup: "The signed-in user's sign-up for an event (or none), and whether they may sign up now",
  signUp: 'Sign up for an event with optional needs; a seat while there are seats, else the waiting list',
  cancelSignup: 'Cancel a sign-up; a freed seat goes to the first on the waiting list, who gets a mail',
  mySignups: "The signed-in user's sign-ups, next event first",
  createEvent: 'Create an event in a process; audited',
  updateEvent: 'Change an event or cancel it (people signed up get a mail); audited',
  workspaceEvents: "Every event of a process, unpublished ones too, with invitation tokens and check-in counts",
  eventSignups: 'The people signed up for an event with their needs: seats by time, then the waiting list in order',
  exportSignups: 'The sign-up list as CSV (Danish Excel) or XLSX',
  checkIn: 'Check a person in at the door, or undo it',
  liveRounds: "An event's live rounds in any state",
  createLiveRound: 'Create a live round (a draft) for an event; audited',
  saveLiveRound: "Change a draft live round's questions; audited",
  setLiveRoundState: 'Open a draft live round (it gets a short code) or close an open one (its results are kept); audited',
  liveRoundResults: "A live round's results as they stand (the presenter view polls this)",
};
