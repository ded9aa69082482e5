import type { Role } from '#shared/schemas/user';
import type { Actor } from '#functions/lib/auth';
import type { CommentRecord, IdeaRecord, StoredProfile } from '#functions/domain/ports';
import type { FakeClock } from './clock';
import type { FakeDirectory } from './directory';
import { syncIdeaQueue } from './idea-queue';
import { aProcess, aProfile, anActor, anIdea, PROCESS_ID } from './records';
import { copy, type FakeTables } from './tables';

/**
 * Arranging state directly in the tables, as a test against DynamoDB would put items: for what no use
 * case under test creates (processes, profiles, ideas in a given state, sign-in users).
 */
export function givens(tables: FakeTables, clock: FakeClock, newId: (now: Date) => string, directory: FakeDirectory) {
  const given = {
    process: (overrides: Parameters<typeof aProcess>[0] = {}) => {
      const process = aProcess(overrides);
      tables.processes.set(process.id, copy(process));
      return process;
    },

    profile: (userId: string, overrides: Partial<StoredProfile> = {}) => {
      const profile = aProfile(userId, overrides);
      tables.profiles.set(userId, copy(profile));
      return profile;
    },

    /** A participant: profile, directory entry (`<userId>-login`, `<userId>@example.dk`) and the actor. */
    user: (userId: string, roles: Role[] = [], overrides: Partial<StoredProfile> = {}): Actor => {
      given.profile(userId, overrides);
      directory.add({ userId, username: `${userId}-login`, email: `${userId}@example.dk`, roles });
      return anActor(userId, roles, `${userId}-login`);
    },

    idea: (overrides: Partial<IdeaRecord> = {}) => {
      const idea = anIdea(newId(clock.now()), overrides);
      tables.ideas.set(idea.id, copy(idea));
      syncIdeaQueue(tables, idea, idea.createdAt);
      return idea;
    },

    comment: (ideaId: string, authorId: string, overrides: Partial<CommentRecord> = {}) => {
      const at = clock.now().toISOString();
      const comment: CommentRecord = {
        id: newId(clock.now()),
        ideaId,
        processId: tables.ideas.get(ideaId)?.processId ?? PROCESS_ID,
        state: 'visible',
        body: 'En kommentar.',
        authorId,
        authorName: `Bruger ${authorId}`,
        authorType: 'citizen',
        edited: false,
        weight: 1,
        createdAt: at,
        updatedAt: at,
        ...overrides,
      };
      tables.comments.set(comment.id, copy(comment));
      return comment;
    },
  };
  return given;
}
