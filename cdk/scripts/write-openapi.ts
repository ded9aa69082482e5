// Writes the generated OpenAPI document next to the build output (`npm run build:openapi`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from '#shared/api/openapi';

mkdirSync('dist', { recursive: true });
writeFileSync('dist/openapi.json', JSON.stringify(buildOpenApi(), null, 2));
console.log('wrote dist/openapi.json');
