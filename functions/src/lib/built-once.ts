/**
 * A value built on its first use and kept by the warm function. For what is costly to build and only
 * some requests need: an Intl formatter with a time zone loads ICU's zone data (~8 ms, measured at a
 * cold start's import, issue 19), which a function paid at start even when no request wrote a date.
 */
export function builtOnce<T>(build: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: build() }).v;
}
