import type { Write } from './row-write';
import { EventEnvelope, Topic } from '@multitrack/messaging';

/**
 * A read model: its tables (DDL for any schema, so that a rebuild can build them beside the live
 * ones), the topics it follows, and its projection — a pure function from one event to the rows
 * it writes. The same function serves live projection, rebuild and reconciliation.
 */
export interface ReadModel {
  /** Also the consumer group suffix and the `--projection` name. */
  name: string;
  /** The live schema; a rebuild builds `${schema}__rebuild` and renames it into place. */
  schema: string;
  topics: Topic[];
  /** DDL in order, `schema` already qualified; never reordered or edited once shipped. */
  migrations(schema: string): { version: number; name: string; sql: string }[];
  /** Row writes (folded per batch); a raw `Statement` is run in its place, between the folded writes. */
  project(event: EventEnvelope, schema: string): Write[];
  /** The table and key column that `waitForRevision` reads, when the model has single entities. */
  entity?: { table: string; idColumn: string };
}
