import { describe, expect, it } from 'vitest';
import { coreRouteMeta } from '#shared/api/core-route-meta';
import { moduleRouteMeta } from '#shared/api/module-route-meta';
import { routeMeta } from '#shared/api/route-meta';
import { roles } from '#shared/rules/values';
import { hasAnyRole } from '../../frontend/src/modules/workspace-entry';
import { workspaceRoles } from '../../frontend/src/modules/workspace-access';

describe('the app shell asks about the workspace without the route table', () => {
  it('every role opens some part of the workspace, so "any role" is the same question as the parts ask', () => {
    expect([...workspaceRoles].sort()).toEqual([...roles].sort());
  });

  it('hasAnyRole is true only for a held role among those wanted', () => {
    expect(hasAnyRole(['moderator'], ['moderator', 'admin'])).toBe(true);
    expect(hasAnyRole(['committee'], ['moderator'])).toBe(false);
    expect(hasAnyRole(['committee'], undefined)).toBe(false);
  });

  it('the core and the modules make the whole route table, each route in one part', () => {
    const core = Object.keys(coreRouteMeta);
    const modules = Object.keys(moduleRouteMeta);
    expect(core.filter((id) => modules.includes(id))).toEqual([]);
    expect([...core, ...modules].sort()).toEqual(Object.keys(routeMeta).sort());
  });
});
