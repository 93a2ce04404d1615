import { Model, type ModelObject } from 'objection';

/**
 * Base of every table's model (DESIGN §4): the model declares the table, its
 * key and its row type; a module's models never leave the module.
 *
 * Models run only on a request's (or a job's) transaction: `Matter.query(db.knex)`.
 * The global knex they would otherwise use has no connection, so a query that
 * forgot its transaction fails instead of reaching the database unscoped.
 * Services hand out plain rows (`Row<Matter>`), never instances: an instance's
 * `$query()` would leave the request's transaction.
 */
export abstract class TenantModel extends Model {
  static override idColumn = ['tenant_id', 'id'];
  declare tenant_id: string;
  declare id: string;
}

/** A model's row as plain data: what services return and serializers read. */
export type Row<M extends Model> = ModelObject<M>;

/** `caseflow.current_tenant()`, for the tenant_id of rows a request inserts. */
export const currentTenant = () => Model.raw('caseflow.current_tenant()');
