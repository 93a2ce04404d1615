import { z } from 'zod';
import { eventCatalogue } from '../../../sdk/schemas/events.js';

/**
 * The domain event catalogue as OpenAPI 3.1 `webhooks`: what firms will be able
 * to subscribe to, each event's envelope and payload schema. (Not delivered to
 * firms yet: today the server's own subscribers run on them.)
 */
export function eventWebhooks(): Record<string, object> {
  const webhooks: Record<string, object> = {};
  for (const [type, schema] of Object.entries(eventCatalogue)) {
    const data = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
    delete data.$schema;
    webhooks[type] = {
      post: {
        operationId: `event_${type.replace('.', '_')}`,
        summary: type,
        description: schema.description,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['id', 'type', 'firm_id', 'occurred_at', 'data'],
                properties: {
                  id: { type: 'string', format: 'uuid', description: 'The event id: the same on every delivery' },
                  type: { const: type },
                  firm_id: { type: 'string', format: 'uuid' },
                  occurred_at: { type: 'string', format: 'date-time' },
                  data,
                },
              },
            },
          },
        },
        responses: { '200': { description: 'Received' } },
      },
    };
  }
  return webhooks;
}
