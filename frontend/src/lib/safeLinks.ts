/** A link target only when it is an absolute http(s) URL; anything else (javascript:, data:) gives undefined. */
export function safeHref(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Only a path inside this app may be a `next` target: no other host, no scheme. */
export function safeNext(value: unknown, fallback = '/'): string {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text.startsWith('/') && !text.startsWith('//') && !text.startsWith('/\\') ? text : fallback;
}
