// (primary adapter) --> domain/export --> adapters/dynamodb/export, adapters/dynamodb/annex-versions
import { ulid } from 'ulid';
import { exportIdeas } from '../domain/export';
import { annexVersionPdf, annexVersions, freezeAnnex } from '../domain/export/annex-versions';
import { systemClock } from '../domain/ports';
import { areaHandler, FileResponse } from '../lib/http';
import { exportRoutes } from '#shared/api/areas/export.routes';
import { exportStore } from '../adapters/dynamodb/export';
import { profileStore } from '../adapters/dynamodb/profiles';
import { cachedProcesses, onTable } from './table-stores';
import { annexVersionStore } from '../adapters/dynamodb/annex-versions';
import { siteUrl } from '../adapters/ssm/site-url';

const processes = cachedProcesses();
const exports = onTable(exportStore);
const profiles = onTable(profileStore);
// The files' links are absolute, on the site's address (SITE_URL locally, an SSM parameter in AWS).
const deps = { processes, exports, clock: systemClock, siteUrl };
// The frozen annex: the export's document rendered as a PDF and stored with its hash (issue 16).
const annex = {
  ...deps,
  annexVersions: onTable(annexVersionStore),
  profiles,
  // Audit entries sort by time.
  newId: (now: Date) => ulid(now.getTime()),
};

export const handler = areaHandler(exportRoutes, {
  exportIdeas: async ({ params, query }) => {
    const output = await exportIdeas(deps, params.processId, query);
    return 'file' in output ? new FileResponse(output.file.contentType, output.file.body, output.file.filename) : output;
  },
  freezeAnnex: async ({ params, body, actor }) => freezeAnnex(annex, actor, params.processId, body),
  annexVersions: async ({ params }) => annexVersions(annex, params.processId),
  annexVersionPdf: async ({ params }) => {
    const file = await annexVersionPdf(annex, params.processId, params.version);
    return new FileResponse(file.contentType, file.body, file.filename);
  },
});
