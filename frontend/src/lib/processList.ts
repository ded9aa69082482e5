import type { Process } from '#shared/schemas/process';

/**
 * Which process the public app leads to where an address names none. `/` and the old `/ideer` addresses lead to the one
 * process that is not archived when there is exactly one (a municipality running one committee at a
 * time sees no list); with none or several, they lead to the list.
 */
export function soleActiveProcess(list: readonly Pick<Process, 'id' | 'archivedAt'>[]): string | undefined {
  const active = list.filter((p) => p.archivedAt === undefined);
  return active.length === 1 ? active[0]!.id : undefined;
}
