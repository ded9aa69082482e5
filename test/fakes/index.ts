import { fakeClock, fakeLogger, sequentialIds } from './clock';
import { fakeCommentStore } from './comments';
import { fakeDirectory } from './directory';
import { fakeFlagStore } from './flags';
import { givens } from './given';
import { fakeIdeaStore } from './ideas';
import { fakeModerationStore } from './moderation';
import { fakeNotifier } from './notifier';
import { fakeProcessStore } from './processes';
import { fakeProfileStore } from './profiles';
import { DURING_SUBMISSION } from './records';
import { emptyTables } from './tables';
import { fakeUserDataStore } from './user-data';
import { fakeVoteStore } from './votes';

export * from './records';

/**
 * A whole in-memory world for the use cases: every port over one set of tables, a clock that stands
 * still, deterministic ULIDs, an outbox and a directory. `deps` fits every use case's deps; `given`
 * arranges state; `tables` is there to assess what was stored.
 */
export function fakeWorld(options: { now?: string } = {}) {
  const tables = emptyTables();
  const clock = fakeClock(options.now ?? DURING_SUBMISSION);
  const newId = sequentialIds();
  const directory = fakeDirectory();
  const deps = {
    processes: fakeProcessStore(tables),
    ideas: fakeIdeaStore(tables),
    profiles: fakeProfileStore(tables),
    votes: fakeVoteStore(tables),
    comments: fakeCommentStore(tables),
    flags: fakeFlagStore(tables),
    moderation: fakeModerationStore(tables),
    userData: fakeUserDataStore(tables),
    directory,
    notifier: fakeNotifier(),
    siteUrl: async () => 'https://deltag.example.dk',
    clock,
    newId,
    log: fakeLogger(),
  };
  const given = givens(tables, clock, newId, directory);
  given.process();
  return { deps, tables, given, clock };
}

export type FakeWorld = ReturnType<typeof fakeWorld>;
