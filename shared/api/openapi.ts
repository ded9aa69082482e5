import * as z from 'zod';
import { problemSchema } from '../schemas/problem';
import { operations, type RouteDef } from './routes';

/** The OpenAPI 3.1 document, generated from the route table and its zod schemas (never hand-written). */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const problemRef = { $ref: '#/components/schemas/Problem' };
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemRef } } });

  for (const route of operations) {
    const parameters = [
      ...objectParameters(route.params, 'path'),
      ...objectParameters(route.query, 'query'),
    ];
    const responses: Record<string, unknown> = {
      [route.status]: {
        description: 'OK',
        content: { 'application/json': { schema: toSchema(route.response, 'output') } },
      },
      400: problem('Invalid request; `errors` lists each field'),
      404: problem('Not found'),
    };
    if (route.access !== 'public') {
      responses[401] = problem('Not signed in or the token is not valid');
      responses[403] = problem('Signed in, but not allowed');
    }
    if (route.body) {
      responses[413] = problem('Body larger than 64 kB');
      responses[415] = problem('Body is not JSON');
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.area],
      ...(route.access !== 'public' ? { security: [{ cognito: [] }] } : {}),
      ...(typeof route.access === 'object' ? { 'x-deltag-roles': route.access.roles } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } }
        : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: { title: 'Deltag API', version: '1.0.0', description: 'Borgerinddragelse: idéer, stemmer og kommentarer.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: toSchema(problemSchema, 'output') },
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito access token' },
      },
    },
  };
}

function toSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function objectParameters(schema: RouteDef['query'], where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}
