// (primary adapter) --> domain/export --> adapters/dynamodb/export
import { exportIdeas } from '../domain/export';
import { systemClock } from '../domain/ports';
import { areaHandler, FileResponse } from '../lib/http';
import { stores } from '../adapters/dynamodb';
import { siteUrl } from '../adapters/ssm/site-url';

const { processes, exports } = stores();
// The files' links are absolute, on the site's address (SITE_URL locally, an SSM parameter in AWS).
const deps = { processes, exports, clock: systemClock, siteUrl };

export const handler = areaHandler({
  exportIdeas: async ({ params, query }) => {
    const output = await exportIdeas(deps, params.processId, query);
    return 'file' in output ? new FileResponse(output.file.contentType, output.file.body, output.file.filename) : output;
  },
});
