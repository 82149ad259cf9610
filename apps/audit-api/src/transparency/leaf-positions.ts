import { Database, migrate, SqlExecutor } from '@multitrack/database';

/**
 * Where each event sits in the transparency log. The store's global order is not always the order
 * of `position` (PostgreSQL orders by transaction id first, EventStoreDB by commit position), so
 * `leafIndex` — the event's 0-based place in the order the store delivers — is counted here, and
 * this table maps `position` to it (and back), with the store's resume token after each event.
 */
export const leafPositionsMigrations = [
  {
    version: 1,
    name: 'leaf positions',
    sql: `
      CREATE TABLE audit_leaf_positions (
        leaf_index int8 PRIMARY KEY,
        position   int8 NOT NULL UNIQUE,
        event_hash text NOT NULL,
        checkpoint text NOT NULL
      );`,
  },
];

export const migrateLeafPositions = (db: Database): Promise<void> =>
  migrate(db, 'audit-api.leaf-positions', leafPositionsMigrations);

export interface PlacedLeaf {
  leafIndex: number;
  position: number;
  hash: string;
  /** The store's resume token after this event. */
  checkpoint: string;
}

interface Row {
  leaf_index: string | number;
  position: string | number;
  event_hash: string;
  checkpoint: string;
}

const toLeaf = (row: Row): PlacedLeaf => ({
  leafIndex: Number(row.leaf_index),
  position: Number(row.position),
  hash: row.event_hash,
  checkpoint: row.checkpoint,
});

export const recordLeaves = async (sql: SqlExecutor, leaves: PlacedLeaf[]): Promise<void> => {
  if (leaves.length === 0) return;
  await sql.query(
    `INSERT INTO audit_leaf_positions (leaf_index, position, event_hash, checkpoint)
       SELECT * FROM unnest($1::int8[], $2::int8[], $3::text[], $4::text[]) ON CONFLICT (leaf_index) DO NOTHING`,
    [
      leaves.map((l) => l.leafIndex),
      leaves.map((l) => l.position),
      leaves.map((l) => l.hash),
      leaves.map((l) => l.checkpoint),
    ],
  );
};

export const lastLeaf = async (sql: SqlExecutor): Promise<PlacedLeaf | undefined> => {
  const { rows } = await sql.query<Row>(
    'SELECT * FROM audit_leaf_positions ORDER BY leaf_index DESC LIMIT 1',
  );
  return rows[0] && toLeaf(rows[0]);
};

export const leafAtPosition = async (sql: SqlExecutor, position: number): Promise<PlacedLeaf | undefined> => {
  const { rows } = await sql.query<Row>('SELECT * FROM audit_leaf_positions WHERE position = $1', [position]);
  return rows[0] && toLeaf(rows[0]);
};

export const leafAt = async (sql: SqlExecutor, leafIndex: number): Promise<PlacedLeaf | undefined> => {
  const { rows } = await sql.query<Row>('SELECT * FROM audit_leaf_positions WHERE leaf_index = $1', [
    leafIndex,
  ]);
  return rows[0] && toLeaf(rows[0]);
};

/** The leaf of `position`, else of the smallest position above it. */
export const leafAtOrAfter = async (sql: SqlExecutor, position: number): Promise<PlacedLeaf | undefined> => {
  const { rows } = await sql.query<Row>(
    'SELECT * FROM audit_leaf_positions WHERE position >= $1 ORDER BY position LIMIT 1',
    [position],
  );
  return rows[0] && toLeaf(rows[0]);
};

/** Leaves from `fromIndex` on, in order, one page. */
export const leavesFrom = async (
  sql: SqlExecutor,
  fromIndex: number,
  limit: number,
): Promise<PlacedLeaf[]> => {
  const { rows } = await sql.query<Row>(
    'SELECT * FROM audit_leaf_positions WHERE leaf_index >= $1 ORDER BY leaf_index LIMIT $2',
    [fromIndex, limit],
  );
  return rows.map(toLeaf);
};
