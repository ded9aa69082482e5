import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { actionText, stateText, tw } from '../../frontend/src/lib/workspaceI18n';

/** The workspace's own messages are merged into vue-i18n, in Danish and after a switch to English. */
beforeAll(async () => {
  await setLocale('da', false);
});
afterAll(async () => {
  await setLocale('da', false);
});

describe('the workspace messages', () => {
  it('are there in Danish next to the app messages, with placeholders and plurals', () => {
    expect(tw('title')).toBe('Arbejdsrum');
    expect(tw('queue.flagged', { n: 3 })).toBe('Anmeldt (3)');
    expect(tw('queue.selected', 0)).toBe('Ingen valgt');
    expect(tw('queue.selected', 2)).toBe('2 valgt');
    expect(i18n.global.t('nav.home')).toBe('Forløbet');
  });

  it('follow a switch to English in the same tick, and the app messages stay', async () => {
    await setLocale('en', false);
    expect(tw('title')).toBe('Workspace');
    expect(tw('queue.flags', 1)).toBe('Flag: 1');
    expect(i18n.global.t('nav.home')).toBe('The process');
    expect((i18n.global.getLocaleMessage('en') as { workspace?: unknown }).workspace).toBeDefined();

    await setLocale('da', false);
    expect(tw('title')).toBe('Arbejdsrum');
  });

  it('put audit actions and states into words in the reader\'s language, leaving unknown ones as the API wrote them', async () => {
    expect(actionText('hide')).toBe('Skjult');
    expect(actionText('set-status')).toBe('Status ændret');
    expect(actionText('something-new')).toBe('something-new');
    expect(stateText({ kind: 'idea', status: 'published', held: true })).toBe('Offentliggjort, tilbageholdt efter anmeldelser');
    expect(stateText({ kind: 'idea', status: 'hidden', held: false })).toBe('Skjult af moderator');
    expect(stateText({ kind: 'comment', state: 'held' })).toBe('Tilbageholdt efter anmeldelser');
    expect(stateText({ kind: 'account', blocked: true })).toBe('Blokeret');
    expect(stateText({ kind: 'roles', roles: ['admin', 'moderator'] })).toBe('Administrator, Moderator');
    expect(stateText({ kind: 'roles', roles: [] })).toBe('Ingen roller');
    expect(stateText({ kind: 'text', text: 'archived' })).toBe('archived');
    expect(stateText(undefined)).toBe('–');

    await setLocale('en', false);
    expect(actionText('hide')).toBe('Hidden');
    expect(stateText({ kind: 'idea', status: 'published', held: true })).toBe('Published, held after reports');
    expect(stateText({ kind: 'roles', roles: ['committee'] })).toBe('Committee member');
    await setLocale('da', false);
  });
});
