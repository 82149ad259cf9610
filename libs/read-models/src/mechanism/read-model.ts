import type { EventEnvelope } from '../envelope';
import type { Topic } from '../topics';

/** One SQL statement a projection wants run; parameters are positional (`$1`, …). */
export interface Statement {
  sql: string;
  params: unknown[];
}

export const sql = (text: string, ...params: unknown[]): Statement => ({ sql: text, params });

/**
 * A read model: its tables (DDL for any schema, so that a rebuild can build them beside the live
 * ones), the topics it follows, and its projection — a pure function from one event to the SQL
 * that applies it. The same function serves live projection, rebuild and reconciliation.
 */
export interface ReadModel {
  /** Also the consumer group suffix and the `--projection` name. */
  name: string;
  /** The live schema; a rebuild builds `${schema}__rebuild` and renames it into place. */
  schema: string;
  topics: Topic[];
  /** DDL in order, `schema` already qualified; never reordered or edited once shipped. */
  migrations(schema: string): { version: number; name: string; sql: string }[];
  project(event: EventEnvelope, schema: string): Statement[];
  /** The table and key column that `waitForRevision` reads, when the model has single entities. */
  entity?: { table: string; idColumn: string };
}

/**
 * An UPDATE of the entity row an event's stream owns that also records the stream revision and
 * time; `set` may use `$4`… for `params`. Every event of the stream touches the row, so the row's
 * revision is its stream's revision (what `?minRevision=` waits for).
 */
export const touchRow =
  (schema: string, table: string, id: string, event: { revision: number; recordedAt: string }) =>
  (set: string, ...params: unknown[]): Statement =>
    sql(
      `UPDATE ${schema}.${table} SET ${set}${set ? ', ' : ''}revision = $1, updated_at = $2 WHERE id = $3`,
      event.revision,
      event.recordedAt,
      id,
      ...params,
    );
