// The one list of permissions drives the docs, the dev tenant's default grant
// and the gateway's naming of a missing permission.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAppRegistration } from '../../devtenant/appRegistration.js';
import { routePermissions } from '../../devtenant/graph/requiredPermissions.js';
import { generatedDocs, regenerate } from '../../server/cli/docs.js';
import { missingPermissionMessage, missingPermissionOf } from '../../server/graph/middleware/missingPermission.js';
import { graphPermissions, permissionFor, permissionsOfType } from '../../server/permissions.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the one list of permissions', () => {
  it.each(generatedDocs)('%s shows the generated permission table and client ids', (doc) => {
    const text = readFileSync(path.join(root, doc), 'utf8');
    expect(text).toContain('<!-- permissions:start -->');
    expect(text).toContain('<!-- client-ids:start -->');
    expect(regenerate(text)).toBe(text);
  });

  it('is what a dev tenant started on its own grants', () => {
    expect(defaultAppRegistration.applicationPermissions).toEqual(permissionsOfType('application'));
    expect(defaultAppRegistration.delegatedPermissions).toEqual(permissionsOfType('delegated'));
  });

  it('names the permission of each call the app makes, and none for calls it does not make', () => {
    expect(permissionFor('POST', '/users/a%40b.example/calendar/getSchedule')?.name).toBe('Calendars.ReadWrite');
    expect(permissionFor('GET', '/v1.0/me/onlineMeetings?$filter=x')?.name).toBe('OnlineMeetings.Read');
    expect(permissionFor('POST', '/chats/19:x/messages')?.name).toBe('ChatMessage.Send');
    expect(permissionFor('GET', '/sites/contoso.sharepoint.com:/sites/reciprocal')?.name).toBe('Sites.Selected');
    expect(permissionFor('POST', '/users/x/findMeetingTimes')).toBeNull();
  });

  it('every permission it lists authorizes, in the dev tenant, some route of its type', () => {
    for (const p of graphPermissions) {
      const kinds = Object.values(routePermissions).filter((r) =>
        (p.type === 'application' ? r.application : r.delegated).includes(p.name),
      );
      expect(kinds.length, p.name).toBeGreaterThan(0);
    }
  });
});

describe('the dev tenant declares what authorizes every Graph route', () => {
  it('has an entry for each route kind it registers', () => {
    const dir = path.join(root, 'devtenant/graph');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const kinds = files.flatMap((f) =>
      [...readFileSync(path.join(dir, f), 'utf8').matchAll(/kind: '([^']+)'/g)].map((m) => m[1]!),
    );
    expect(kinds.length).toBeGreaterThan(20);
    expect(kinds.filter((k) => !routePermissions[k])).toEqual([]);
  });
});

describe('a missing permission in a Graph error', () => {
  it('is named in the message and read back from it', () => {
    const message = missingPermissionMessage('Access is denied.', { name: 'Calendars.ReadWrite', type: 'application' });
    expect(missingPermissionOf(new Error(message))).toEqual({ name: 'Calendars.ReadWrite', type: 'application' });
    expect(missingPermissionOf(new Error('Access is denied.'))).toBeNull();
  });
});
