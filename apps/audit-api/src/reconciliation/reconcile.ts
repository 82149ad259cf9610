import { randomBytes } from 'node:crypto';
import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import {
  catchUp,
  diffReadModel,
  dropSchema,
  readModels,
  rebuildIntoSchema,
  ReadModel,
  TableDifference,
} from '@multitrack/read-models';
import { checkMoneyInvariants, InvariantBreach } from './money-invariants';

export type ReadModelDifference = { kind: 'read-model' } & TableDifference;
export type MissingReadModel = { kind: 'read-model-missing'; readModel: string; schema: string };

export interface Reconciliation {
  consistent: boolean;
  differences: (ReadModelDifference | MissingReadModel | InvariantBreach)[];
  readModels: string[];
  eventsReplayed: number;
}

/** The live projector runs a little behind the log: a difference must survive this many catch-ups. */
const attempts = 3;
const settleMs = 500;

/** bigint (PGlite's int8) and Date made JSON-safe. */
const plain = (rows: Record<string, unknown>[]) =>
  rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v])),
  );

const schemaExists = async (db: Database, schema: string) =>
  (await db.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])).rows.length >
  0;

const reconcileModel = async (
  store: EventStore,
  db: Database,
  model: ReadModel,
): Promise<(ReadModelDifference | MissingReadModel)[]> => {
  if (!(await schemaExists(db, model.schema)))
    return [{ kind: 'read-model-missing', readModel: model.name, schema: model.schema }];
  const scratch = `${model.schema}__audit_${randomBytes(4).toString('hex')}`;
  try {
    let reached = await rebuildIntoSchema(store, db, model, scratch);
    let differences = await diffReadModel(db, model, scratch, model.schema);
    for (let attempt = 1; attempt < attempts && differences.length > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      reached = await catchUp(store, db, model, scratch, reached);
      differences = await diffReadModel(db, model, scratch, model.schema);
    }
    return differences.map((d) => ({
      kind: 'read-model',
      ...d,
      missing: plain(d.missing),
      unexpected: plain(d.unexpected),
    }));
  } finally {
    await dropSchema(db, scratch);
  }
};

/**
 * Rebuilds every read model from the log into a scratch schema and diffs it row by row against
 * the live one (`missing`: rows the log implies and live lacks; `unexpected`: the reverse), then
 * replays the money of every match and request against the invariants. Writes only scratch schemas.
 */
export const reconcile = async (store: EventStore, db: Database): Promise<Reconciliation> => {
  const differences: Reconciliation['differences'] = [];
  for (const model of readModels) differences.push(...(await reconcileModel(store, db, model)));
  const { events, breaches } = await checkMoneyInvariants(store);
  differences.push(...breaches);
  return {
    consistent: differences.length === 0,
    differences,
    readModels: readModels.map((m) => m.name),
    eventsReplayed: events,
  };
};
