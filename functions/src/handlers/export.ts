// (primary adapter) --> domain/export --> adapters/dynamodb/export
import { exportIdeas } from '../domain/export';
import { systemClock } from '../domain/ports';
import { areaHandler, FileResponse } from '../lib/http';
import { stores } from '../adapters/dynamodb';

const { processes, exports } = stores();
const deps = {
  processes,
  exports,
  clock: systemClock,
  // Links in the export point at the public site; unset, they are site-relative (`/ideer/<id>`).
  publicBaseUrl: process.env.PUBLIC_BASE_URL ?? '',
};

export const handler = areaHandler({
  exportIdeas: async ({ params, query }) => {
    const output = await exportIdeas(deps, params.processId, query);
    return 'file' in output ? new FileResponse(output.file.contentType, output.file.body, output.file.filename) : output;
  },
});
