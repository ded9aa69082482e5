import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

/**
 * Verifies a bearer token the way the HTTP API JWT authorizer does in AWS: signature against the
 * pool's JWKS, `iss` equal to the pool's issuer, `exp`/`nbf`, and `aud` or `client_id` one of the
 * configured audiences. The claims are then passed on in the same flattened form: every value a
 * string, arrays as `[a b]`.
 */
export interface JwtRules {
  issuer: string;
  audience: string[];
}

export function jwtVerifier(rules: JwtRules) {
  const jwks = createRemoteJWKSet(new URL(`${rules.issuer}/.well-known/jwks.json`));
  return async (authorization: string | undefined): Promise<Record<string, string> | undefined> => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: rules.issuer, clockTolerance: 0 }));
    } catch (e) {
      if (e instanceof errors.JOSEError) return undefined;
      throw e;
    }
    const audiences = [payload.client_id, ...(Array.isArray(payload.aud) ? payload.aud : [payload.aud])];
    if (!audiences.some((a) => typeof a === 'string' && rules.audience.includes(a))) return undefined;
    return flattenClaims(payload);
  };
}

export function flattenClaims(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v)]),
  );
}
