import type { Process } from '#shared/schemas/process';
import type { RateLimit } from './ports';

/** The per-user limit of one kind of write in a process (a process setting). */
export function limitFor(process: Process, action: Exclude<RateLimit['action'], 'live-answer' | 'claim' | 'unsubscribe'>): RateLimit {
  const l = process.settings.limits;
  switch (action) {
    case 'vote':
      return { action, max: l.votesPerMinute, windowSeconds: 60 };
    case 'comment':
      return { action, max: l.commentsPerMinute, windowSeconds: 60 };
    case 'idea':
      return { action, max: l.ideasPerHour, windowSeconds: 3600 };
    case 'flag':
      return { action, max: l.flagsPerHour, windowSeconds: 3600 };
  }
}
