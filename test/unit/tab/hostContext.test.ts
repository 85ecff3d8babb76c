import { describe, expect, it } from 'vitest';
import { routeForSubPageId, tabHostContextFromBrowser, tabThemeFromHost } from '../../../src/tab/host/hostContext.js';

describe('deep links', () => {
  it.each([
    ['sessions/abc-123', '/tab/sessions/abc-123'],
    ['pairs/p_1', '/tab/pairs/p_1'],
    ['pairs/p-1', '/tab/pairs/p-1'],
    ['/tab/sessions/s.1', '/tab/sessions/s.1'],
    ['admin', '/tab/admin'],
    ['dashboard', '/tab/dashboard'],
    ['sessions/../admin', null],
    ['javascript:alert(1)', null],
    ['', null],
    [null, null],
  ])('subPageId %j opens %j', (subPageId, route) => {
    expect(routeForSubPageId(subPageId)).toBe(route);
  });
});

describe('themes', () => {
  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    [undefined, 'light'],
    ['something-new', 'light'],
  ])('Teams theme %j shows the %s Fluent theme', (teams, tab) => {
    expect(tabThemeFromHost(teams)).toBe(tab);
  });

  it('outside Teams takes ?theme= first, then the saved choice', () => {
    expect(tabHostContextFromBrowser({ search: '?theme=dark' }, 'light', ['fr-FR']).theme).toBe('dark');
    expect(tabHostContextFromBrowser({ search: '' }, 'contrast', ['fr-FR'])).toMatchObject({
      theme: 'contrast',
      locale: 'fr-FR',
      subPageId: null,
    });
    expect(tabHostContextFromBrowser({ search: '' }, null, []).theme).toBe('light');
  });
});
