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

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query' | 'header'): object[] {
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

const binary = { type: 'string', format: 'binary' };

/** Headers every document answer carries (kind 'download'). */
const documentHeaders = {
  ETag: { description: 'Strong validator of the bytes (send it back in If-Range)', schema: { type: 'string' } },
  'Accept-Ranges': { description: 'bytes', schema: { type: 'string', enum: ['bytes'] } },
  'Content-Disposition': {
    description: 'attachment; filename="…"; filename*=UTF-8\'\'… (RFC 6266)',
    schema: { type: 'string' },
  },
  'Cache-Control': { description: 'private, no-store', schema: { type: 'string' } },
};

/** The success answers of an endpoint, by status: JSON, a document (200, 206, 416) or nothing. */
function successes(e: Endpoint): Record<string, object> {
  if (e.kind === 'download') {
    const type = e.produces ?? 'application/octet-stream';
    return {
      [String(e.status)]: {
        description: 'The whole document',
        headers: documentHeaders,
        content: { [type]: { schema: binary } },
      },
      '206': {
        description: 'The one range asked with Range (and If-Range matching the current ETag)',
        headers: {
          ...documentHeaders,
          'Content-Range': { description: 'bytes first-last/size', schema: { type: 'string' } },
        },
        content: { [type]: { schema: binary } },
      },
      '416': {
        description: 'No byte of the range is in the document',
        headers: { 'Content-Range': { description: 'bytes */size', schema: { type: 'string' } } },
        content: { 'application/json': { schema: { $ref: componentRef('Error') } } },
      },
    };
  }
  if (e.produces) {
    return {
      [String(e.status)]: {
        description: 'The document',
        headers: {
          'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } },
        },
        content: { [e.produces]: { schema: binary } },
      },
    };
  }
  if (e.status === 204 || !e.response) return { [String(e.status)]: { description: 'No content' } };
  return {
    [String(e.status)]: {
      description: 'OK',
      content: { 'application/json': { schema: schemaRef(e.response, 'output') } },
    },
  };
}

/** The request body as each kind takes it: JSON, a streamed upload (multipart or raw bytes), or a signed raw body. */
function requestBody(e: Endpoint): object {
  const limit =
    e.maxBytes === undefined
      ? ''
      : ` At most ${e.maxBytes} bytes (413 beyond, before any byte is read when Content-Length says so).`;
  if (e.kind === 'upload') {
    const type = e.accepts ?? 'application/octet-stream';
    const schema =
      type === 'multipart/form-data'
        ? { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, binary] } }
        : binary;
    return {
      requestBody: {
        required: true,
        description: `Streamed, never buffered whole; Expect: 100-continue is answered once the credential passed.${limit}`,
        content: { [type]: { schema } },
      },
    };
  }
  if (e.kind === 'raw') {
    const type = e.accepts ?? 'application/octet-stream';
    return {
      requestBody: {
        required: true,
        description: `The exact bytes, as signed: read raw, verified, then parsed.${limit}`,
        content: { [type]: { schema: e.body ? schemaRef(e.body, 'input') : binary } },
      },
    };
  }
  if (e.body) {
    return { requestBody: { required: true, content: { 'application/json': { schema: schemaRef(e.body, 'input') } } } };
  }
  return {};
}

/** Headers a download reads beside the tenant's. */
const rangeHeaders = [
  {
    name: 'Range',
    in: 'header',
    required: false,
    description: 'One byte range, e.g. bytes=0-1023 (several ranges get the whole document)',
    schema: { type: 'string' },
  },
  {
    name: 'If-Range',
    in: 'header',
    required: false,
    description: 'The ETag the range is for: when it is no longer current, the answer is 200 with the whole document',
    schema: { type: 'string' },
  },
];

function operation(e: Endpoint): object {
  const errorResponse = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: componentRef('Error') } } },
  };
  return {
    operationId: e.operationId,
    summary: e.summary,
    tags: [e.audience],
    parameters: [
      ...parameters(e.params, 'path'),
      ...parameters(e.query, 'query'),
      ...parameters(e.headers, 'header'),
      ...(e.kind === 'download' ? rangeHeaders : []),
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
    ...requestBody(e),
    ...(e.authenticated ? { security: securityOf[e.audience] } : { security: [] }),
    responses: { ...successes(e), default: errorResponse },
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
