import { describe, expect, it } from 'vitest';
import { builtOnce } from '#functions/lib/built-once';

describe('builtOnce', () => {
  it('builds nothing until asked, then once for every later use', () => {
    let builds = 0;
    const value = builtOnce(() => ({ n: ++builds }));
    expect(builds).toBe(0);
    const first = value();
    expect(first).toEqual({ n: 1 });
    expect(value()).toBe(first);
    expect(builds).toBe(1);
  });

  it('keeps a falsy value instead of building it again', () => {
    let builds = 0;
    const value = builtOnce(() => (builds++, 0));
    expect([value(), value()]).toEqual([0, 0]);
    expect(builds).toBe(1);
  });
});
