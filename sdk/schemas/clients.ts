import { z } from 'zod';
import { Id, ListQuery, listOf, Timestamp, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';

/** A client number: positive, unique in the firm (a PostgreSQL integer). */
export const ClientNumber = z.number().int().min(1).max(2_147_483_647).describe('Client number, unique in the firm');

const ClientName = Text().trim().min(1).max(200);

export const Client = z
  .object({
    id: Id,
    number: z.number().int(),
    name: Text(),
    primary_contact_id: Id.nullable().describe('The client’s primary contact (the one "login as client" opens)'),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .strict()
  .meta({ id: 'Client' });
export type Client = z.infer<typeof Client>;

export const ClientListQuery = ListQuery.extend({
  q: Text().trim().min(1).max(200).optional().describe('Only clients whose name contains this (any case)'),
  number: z.coerce.number().int().min(1).max(2_147_483_647).optional().describe('Only the client with this number'),
}).strict();
export type ClientListQuery = Partial<z.output<typeof ClientListQuery>>;

export const ClientCreateRequest = z
  .object({
    name: ClientName,
    number: ClientNumber.optional().describe('Default: one more than the highest number in the firm, at least 1001'),
  })
  .strict()
  .meta({ id: 'ClientCreateRequest' });
export type ClientCreateRequest = z.input<typeof ClientCreateRequest>;

export const ClientUpdateRequest = z.object({ name: ClientName }).strict().meta({ id: 'ClientUpdateRequest' });
export type ClientUpdateRequest = z.input<typeof ClientUpdateRequest>;

export const ClientList = listOf(Client).meta({ id: 'ClientList' });
export const ClientIdParams = z.object({ id: Id }).strict();

export const clientEndpoints = {
  adminListClients: endpoint({
    operationId: 'adminListClients',
    method: 'GET',
    path: '/admin/clients',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's clients, by number",
    query: ClientListQuery,
    response: ClientList,
    status: 200,
  }),
  adminCreateClient: endpoint({
    operationId: 'adminCreateClient',
    method: 'POST',
    path: '/admin/clients',
    audience: 'admin',
    authenticated: true,
    summary: 'Create a client; without a number it gets the next one (409 client_number_taken if a number is in use)',
    body: ClientCreateRequest,
    response: Client,
    status: 201,
  }),
  adminRetrieveClient: endpoint({
    operationId: 'adminRetrieveClient',
    method: 'GET',
    path: '/admin/clients/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'One client',
    params: ClientIdParams,
    response: Client,
    status: 200,
  }),
  adminUpdateClient: endpoint({
    operationId: 'adminUpdateClient',
    method: 'PATCH',
    path: '/admin/clients/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'Rename a client',
    params: ClientIdParams,
    body: ClientUpdateRequest,
    response: Client,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
