/**
 * Does a concrete path such as `/api/ideas/01H…` match a route path template? Returns its parameters.
 * API Gateway does this matching in AWS; the local gateway and the catch-all route (which answers
 * 405 with Allow when only the method is wrong) do it themselves with this.
 */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const variable = /^\{(\w+)(\+)?\}$/.exec(segment);
    if (variable?.[2]) {
      const rest = got.slice(i).join('/');
      if (!rest) return undefined;
      params[variable[1]!] = rest;
      return params;
    }
    const actual = got[i];
    if (actual === undefined) return undefined;
    if (!variable) {
      if (segment !== actual) return undefined;
      continue;
    }
    const decoded = safeDecode(actual);
    if (!decoded) return undefined;
    params[variable[1]!] = decoded;
  }
  return want.length === got.length ? params : undefined;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
