import { SqlExecutor } from '@multitrack/database';
import { SubtreeHash } from '../merkle/frontier';
import { Subtree, SubtreeLookup, subtreeKey } from '../merkle/subtrees';

interface NodeRow {
  level: number;
  index: number;
  hash: Uint8Array;
}

/** Reads the named complete subtrees in one query; a missing one means the store is damaged. */
export const readSubtrees = async (sql: SqlExecutor, subtrees: Subtree[]): Promise<SubtreeLookup> => {
  const wanted = [...new Map(subtrees.map((subtree) => [subtreeKey(subtree), subtree])).values()];
  const { rows } = wanted.length
    ? await sql.query<NodeRow>(
        `SELECT n.level, n.index, n.hash FROM tlog_nodes n
           JOIN unnest($1::int2[], $2::int8[]) AS w(level, index) ON n.level = w.level AND n.index = w.index`,
        [wanted.map((s) => s.level), wanted.map((s) => s.index)],
      )
    : { rows: [] as NodeRow[] };
  const found = new Map(
    rows.map((row) => [
      subtreeKey({ level: Number(row.level), index: Number(row.index) }),
      Buffer.from(row.hash),
    ]),
  );
  return (subtree) => {
    const hash = found.get(subtreeKey(subtree));
    if (!hash) throw new Error(`transparency log: subtree ${subtreeKey(subtree)} is missing from tlog_nodes`);
    return hash;
  };
};

export const readSubtreeHashes = async (sql: SqlExecutor, subtrees: Subtree[]): Promise<SubtreeHash[]> => {
  const lookup = await readSubtrees(sql, subtrees);
  return subtrees.map((subtree) => ({ ...subtree, hash: lookup(subtree) }));
};

/** One multi-row insert, whatever the batch size: arrays travel as three parameters. */
export const insertSubtrees = async (sql: SqlExecutor, nodes: SubtreeHash[]): Promise<void> => {
  if (nodes.length === 0) return;
  await sql.query(
    `INSERT INTO tlog_nodes (level, index, hash)
       SELECT level, index, decode(hash, 'hex') FROM unnest($1::int2[], $2::int8[], $3::text[]) AS t(level, index, hash)`,
    [nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => n.hash.toString('hex'))],
  );
};
