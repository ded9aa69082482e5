import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusHeading } from '../../frontend/src/modules/page';

// After a navigation the h1 takes focus, waiting for pages that render it once their data arrives.
describe('focusHeading', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('waits for a late h1 and focuses it', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main id="indhold" tabindex="-1"></main>';
    focusHeading();
    const h1 = document.createElement('h1');
    h1.textContent = 'Etiske retningslinjer';
    document.querySelector('main')!.append(h1);
    vi.advanceTimersByTime(60);
    expect(document.activeElement).toBe(h1);
    expect(h1.getAttribute('tabindex')).toBe('-1');
  });

  it('gives way to an element the page focused while it waited (a linked comment)', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main id="indhold" tabindex="-1"></main>';
    focusHeading();
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', '<h1>Dokument</h1><article id="svar-1" tabindex="-1">Kommentar</article>');
    document.getElementById('svar-1')!.focus();
    vi.advanceTimersByTime(60);
    expect(document.activeElement?.id).toBe('svar-1');
  });

  it('still moves focus from a header link that stays on the page', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<header><a href="/x" id="nav">Idéer</a></header><main id="indhold" tabindex="-1"></main>';
    document.getElementById('nav')!.focus();
    focusHeading();
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<h1>Idéer</h1>');
    vi.advanceTimersByTime(60);
    expect(document.activeElement?.tagName).toBe('H1');
  });
});
