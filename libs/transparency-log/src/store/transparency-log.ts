import { Database, SqlExecutor } from '@multitrack/database';
import { completedBy, frontierOf } from '../merkle/frontier';
import { eventHashBytes, emptyRoot, hashLeaf } from '../merkle/hashes';
import { consistencyRanges, inclusionRanges } from '../merkle/proof-ranges';
import { LeafRange, completeSubtrees, rangeHash } from '../merkle/subtrees';
import { LeafConflictError, LeafOrderError, TreeSizeError } from './errors';
import { insertSubtrees, readSubtreeHashes, readSubtrees } from './subtree-rows';

/** One event as a leaf: its global position and its `hash` (lowercase hex SHA-256). */
export interface LogLeaf {
  position: number;
  hash: string;
  /** When the caller counts leaves itself: the index it expects this leaf to get. */
  leafIndex?: number;
}

export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  rootHash: Buffer;
  hashes: Buffer[];
}

export interface ConsistencyProof {
  from: number;
  to: number;
  hashes: Buffer[];
}

export interface TransparencyLog {
  /**
   * Adds events in global order, in one transaction. Leaves already in the log with the same hash
   * (a redelivery) are skipped; any other leaf at or before the log's last position is refused.
   */
  append(leaves: LogLeaf[]): Promise<{ size: number; appended: number }>;
  size(): Promise<number>;
  /** The last position in the log, to resume feeding it; undefined while empty. */
  lastPosition(): Promise<number | undefined>;
  rootAt(treeSize: number): Promise<Buffer>;
  inclusionProof(leafIndex: number, treeSize: number): Promise<InclusionProof>;
  consistencyProof(from: number, to: number): Promise<ConsistencyProof>;
  leafIndexOf(position: number): Promise<number | undefined>;
}

interface LeafRow {
  leaf_index: number;
  position: number;
  event_hash: Uint8Array;
}

// One writer at a time: two feeders appending at once would both read the same frontier.
const APPEND_LOCK = `SELECT pg_advisory_xact_lock(hashtext('multitrack.transparency-log.append'))`;

const sizeOf = async (sql: SqlExecutor): Promise<number> => {
  const { rows } = await sql.query<{ size: number }>(
    'SELECT coalesce(max(leaf_index) + 1, 0)::int8 AS size FROM tlog_leaves',
  );
  return Number(rows[0].size);
};

const lastPositionOf = async (sql: SqlExecutor): Promise<number | undefined> => {
  const { rows } = await sql.query<{ position: number }>(
    'SELECT position FROM tlog_leaves ORDER BY leaf_index DESC LIMIT 1',
  );
  return rows.length ? Number(rows[0].position) : undefined;
};

const checkOrder = (leaves: LogLeaf[]) =>
  leaves.forEach((leaf, i) => {
    if (!Number.isSafeInteger(leaf.position) || leaf.position < 0)
      throw new LeafOrderError(`position ${leaf.position} is not a log position`);
    if (i > 0 && leaf.position <= leaves[i - 1].position)
      throw new LeafOrderError(
        `position ${leaf.position} follows ${leaves[i - 1].position}: leaves must come in global order`,
      );
  });

/** Redelivered leaves must be exactly what the log already holds. */
const checkRedelivered = async (sql: SqlExecutor, leaves: LogLeaf[]) => {
  if (leaves.length === 0) return;
  const { rows } = await sql.query<LeafRow>(
    'SELECT leaf_index, position, event_hash FROM tlog_leaves WHERE position = ANY($1::int8[])',
    [leaves.map((leaf) => leaf.position)],
  );
  const stored = new Map(rows.map((row) => [Number(row.position), row]));
  for (const leaf of leaves) {
    const row = stored.get(leaf.position);
    if (!row)
      throw new LeafOrderError(`position ${leaf.position} comes before the log's end but was never appended`);
    const sameIndex = leaf.leafIndex === undefined || leaf.leafIndex === Number(row.leaf_index);
    if (!sameIndex || !Buffer.from(row.event_hash).equals(eventHashBytes(leaf.hash)))
      throw new LeafConflictError(leaf.position);
  }
};

const appendFresh = async (sql: SqlExecutor, size: number, leaves: LogLeaf[]) => {
  leaves.forEach((leaf, offset) => {
    if (leaf.leafIndex !== undefined && leaf.leafIndex !== size + offset)
      throw new LeafOrderError(
        `leaf index ${leaf.leafIndex} does not continue a log of ${size + offset} leaves`,
      );
  });
  const frontier = await readSubtreeHashes(sql, frontierOf(size));
  const completed = completedBy(
    frontier,
    leaves.map((leaf) => hashLeaf(eventHashBytes(leaf.hash))),
    size,
  );
  await sql.query(
    `INSERT INTO tlog_leaves (leaf_index, position, event_hash)
       SELECT leaf_index, position, decode(event_hash, 'hex') FROM unnest($1::int8[], $2::int8[], $3::text[]) AS t(leaf_index, position, event_hash)`,
    [
      leaves.map((_, offset) => size + offset),
      leaves.map((leaf) => leaf.position),
      leaves.map((leaf) => leaf.hash),
    ],
  );
  await insertSubtrees(sql, completed);
};

/**
 * The event log as an RFC 9162 Merkle tree, kept incrementally in `tlog_leaves` and `tlog_nodes`
 * (run `migrateTransparencyLog` first). Roots and proofs for any size up to the current one are
 * folded from O(log n) stored complete subtrees.
 */
export const createTransparencyLog = (db: Database): TransparencyLog => {
  const checkedSize = async (treeSize: number): Promise<void> => {
    const size = await sizeOf(db);
    if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > size)
      throw new TreeSizeError(`tree size ${treeSize} is not between 0 and the log's size ${size}`);
  };
  const hashesOf = async (ranges: LeafRange[]): Promise<Buffer[]> => {
    const lookup = await readSubtrees(db, ranges.flatMap(completeSubtrees));
    return ranges.map((range) => rangeHash(range, lookup));
  };
  const rootAt = async (treeSize: number): Promise<Buffer> => {
    await checkedSize(treeSize);
    return treeSize === 0 ? emptyRoot() : (await hashesOf([{ start: 0, end: treeSize }]))[0];
  };

  return {
    async append(leaves) {
      checkOrder(leaves);
      leaves.forEach((leaf) => eventHashBytes(leaf.hash));
      return db.transaction(async (tx) => {
        await tx.query(APPEND_LOCK);
        const size = await sizeOf(tx);
        const last = await lastPositionOf(tx);
        const fresh = last === undefined ? leaves : leaves.filter((leaf) => leaf.position > last);
        await checkRedelivered(tx, leaves.slice(0, leaves.length - fresh.length));
        if (fresh.length > 0) await appendFresh(tx, size, fresh);
        return { size: size + fresh.length, appended: fresh.length };
      });
    },
    size: () => sizeOf(db),
    lastPosition: () => lastPositionOf(db),
    rootAt,
    async inclusionProof(leafIndex, treeSize) {
      await checkedSize(treeSize);
      if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize)
        throw new TreeSizeError(`leaf ${leafIndex} is not in a tree of ${treeSize}`);
      // The root and the path in one read of the stored subtrees.
      const [rootHash, ...hashes] = await hashesOf([
        { start: 0, end: treeSize },
        ...inclusionRanges(leafIndex, treeSize),
      ]);
      return { leafIndex, treeSize, rootHash, hashes };
    },
    async consistencyProof(from, to) {
      await checkedSize(to);
      if (!Number.isSafeInteger(from) || from < 0 || from > to)
        throw new TreeSizeError(`no consistency proof from ${from} to ${to}`);
      return { from, to, hashes: await hashesOf(consistencyRanges(from, to)) };
    },
    async leafIndexOf(position) {
      const { rows } = await db.query<{ leaf_index: number }>(
        'SELECT leaf_index FROM tlog_leaves WHERE position = $1',
        [position],
      );
      return rows.length ? Number(rows[0].leaf_index) : undefined;
    },
  };
};
