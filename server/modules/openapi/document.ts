import { z } from 'zod';
import { eventWebhooks } from './events.js';
import { ErrorBody } from '../../../sdk/schemas/common.js';
import { endpoints, type Endpoint } from '../../../sdk/schemas/endpoints.js';

const componentRef = (id: string) => `#/components/schemas/${id}`;

function idOf(schema: z.ZodType): string | undefined {
  return z.globalRegistry.get(schema)?.id as string | undefined;
}

function schemaRef(schema: z.ZodType, io: 'input' | 'output'): object {
  const id = idOf(schema);
  if (id) return { $ref: componentRef(id) };
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return json;
}

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query'): object[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as {
    properties?: Record<string, { description?: string }>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

const securityOf: Record<Endpoint['audience'], object[]> = {
  portal: [{ portalBearer: [] }, { portalCookie: [] }],
  admin: [{ adminBearer: [] }],
  platform: [{ platformKey: [] }],
  public: [],
};

function operation(e: Endpoint): object {
  const errorResponse = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: componentRef('Error') } } },
  };
  const success = e.produces
    ? {
        description: 'The document',
        headers: {
          'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } },
        },
        // OpenAPI 3.1: binary content is described by its media type, without a schema.
        content: { [e.produces]: {} },
      }
    : e.status === 204 || !e.response
      ? { description: 'No content' }
      : { description: 'OK', content: { 'application/json': { schema: schemaRef(e.response, 'output') } } };
  return {
    operationId: e.operationId,
    summary: e.summary,
    tags: [e.audience],
    parameters: [
      ...parameters(e.params, 'path'),
      ...parameters(e.query, 'query'),
      {
        name: 'Caseflow-Tenant',
        in: 'header',
        required: false,
        description: 'Firm slug, when not calling its host',
        schema: { type: 'string' },
      },
      ...(e.idempotent
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'Any unique string (a UUID): a retry with the same key within 24 h gets the first answer back ' +
                '(header Idempotent-Replayed: true); the same key with other parameters is a 409 idempotency_key_reused',
              schema: { type: 'string', minLength: 1, maxLength: 255 },
            },
          ]
        : []),
    ],
    ...(e.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaRef(e.body, 'input') } } } }
      : {}),
    ...(e.authenticated ? { security: securityOf[e.audience] } : { security: [] }),
    responses: { [String(e.status)]: success, default: errorResponse },
  };
}

/** The OpenAPI 3.1 document, generated from the same schemas the server validates with. */
export function openApiDocument(version: string): object {
  void ErrorBody; // registered with the global registry on import
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    io: 'output',
    uri: componentRef,
  }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  for (const schema of Object.values(schemas)) delete schema.$schema;
  const paths: Record<string, Record<string, object>> = {};
  for (const e of Object.values(endpoints) as Endpoint[]) {
    const path = e.path.replace(/:([a-z_]+)/g, '{$1}');
    (paths[path] ??= {})[e.method.toLowerCase()] = operation(e);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CaseFlow Portal API',
      version,
      description: 'Client portal API for law firms. Amounts are integer minor units.',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    webhooks: eventWebhooks(),
    components: {
      schemas,
      securitySchemes: {
        portalBearer: { type: 'http', scheme: 'bearer', description: 'Portal session token' },
        portalCookie: { type: 'apiKey', in: 'cookie', name: 'caseflow_portal' },
        adminBearer: { type: 'http', scheme: 'bearer', description: 'Staff session or API key' },
        platformKey: { type: 'http', scheme: 'bearer', description: 'CASEFLOW_PLATFORM_KEY' },
      },
    },
  };
}
