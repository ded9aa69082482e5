import type { AssistedChannel } from '#shared/rules/assisted';
import type { Role } from '#shared/schemas/user';
import { roleSchema } from '#shared/schemas/user';
import { accessVerdict, type Access } from '#shared/rules/access';
import { ForbiddenError, UnauthorizedError } from './errors';

/** The caller as the domain sees it: who, and with which roles. */
export interface Actor {
  userId: string;
  roles: Role[];
  /** The Cognito user name (the `username` claim), for directory calls such as deleting the account. */
  username?: string;
  /**
   * Set only by the assisted routes (area `assisted`), when an assistant acts for a citizen: then
   * `userId` is the citizen's stable identity (rules/assisted.ts assistedUserId) and `roles` is
   * empty, so the use cases apply the citizen's own rules (one vote, their limits), and record the channel.
   */
  assisted?: { assistantId: string; assistantName: string; channel: AssistedChannel };
}

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * The token was verified before the handler runs: by the HTTP API JWT authorizer in AWS, by the local
 * gateway (same rules) on this machine. Here we only read the claims the authorizer passed on and
 * apply what the authorizer cannot: only access tokens, and the route's roles.
 */
export function actorFromClaims(claims: Claims | undefined): Actor | undefined {
  if (!claims || typeof claims.sub !== 'string') return undefined;
  if (claims.token_use !== 'access') throw new UnauthorizedError('Brug et adgangstoken (access token).');
  return {
    userId: claims.sub,
    roles: parseGroups(claims['cognito:groups']),
    ...(typeof claims.username === 'string' ? { username: claims.username } : {}),
  };
}

/**
 * HTTP API flattens array claims into a string such as `[moderator admin]`; keep both forms working
 * (and drop groups that are not roles of the platform).
 */
export function parseGroups(raw: Claims[string]): Role[] {
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return list.flatMap((g) => {
    const parsed = roleSchema.safeParse(g);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Throws 401/403 unless the actor may call a route with this access rule. */
export function authorize(access: Access, actor: Actor | undefined): void {
  const verdict = accessVerdict(access, actor?.roles);
  if (verdict === 'sign-in') throw new UnauthorizedError();
  if (verdict === 'forbidden') throw new ForbiddenError();
}

export const hasRole = (actor: Actor | undefined, ...roles: Role[]) => !!actor && actor.roles.some((r) => roles.includes(r));
