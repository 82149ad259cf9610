import { createHash } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@multitrack/database';
import { eventLeafHash } from '../merkle/hashes';
import { merkleTree } from '../merkle/merkle-tree';
import { verifyConsistency } from '../merkle/verify-consistency';
import { verifyInclusion } from '../merkle/verify-inclusion';
import { migrateTransparencyLog } from '../transparency-log.migrations';
import { LeafConflictError, LeafOrderError, TreeSizeError } from './errors';
import { LogLeaf, TransparencyLog, createTransparencyLog } from './transparency-log';

const eventHash = (i: number, salt = 'event') => createHash('sha256').update(`${salt}-${i}`).digest('hex');
// Positions with gaps, as a PostgreSQL sequence or EventStoreDB commit positions have them.
const leafAt = (i: number, salt?: string): LogLeaf => ({ position: 10 + i * 3, hash: eventHash(i, salt) });
const leaves = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => leafAt(from + k));

// A small deterministic generator, so that a failure can be replayed.
const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

describe.each(['postgres', 'pglite'] as const)('the transparency log on %s', (kind) => {
  let test: TestDatabase;
  let log: TransparencyLog;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await migrateTransparencyLog(test.db);
    log = createTransparencyLog(test.db);
  });
  beforeEach(() => test.db.exec('TRUNCATE tlog_leaves, tlog_nodes'));
  afterAll(() => test.drop());

  it('is empty at first: size 0, the empty root, no last position', async () => {
    expect(await log.size()).toBe(0);
    expect((await log.rootAt(0)).toString('hex')).toBe(createHash('sha256').digest('hex'));
    expect(await log.lastPosition()).toBeUndefined();
  });

  it('agrees with the pure tree on every root and on sampled proofs, whatever the batch sizes', async () => {
    const next = random(kind === 'postgres' ? 7 : 11);
    const total = 150 + Math.floor(next() * 150);
    for (let size = 0; size < total;) {
      const batch = Math.min(total - size, 1 + Math.floor(next() * 40));
      expect(await log.append(leaves(size, size + batch))).toEqual({ size: size + batch, appended: batch });
      size += batch;
    }
    const pure = merkleTree(leaves(0, total).map((leaf) => eventLeafHash(leaf.hash)));
    expect(await log.size()).toBe(total);
    for (let n = 0; n <= total; n++) expect((await log.rootAt(n)).equals(pure.rootAt(n))).toBe(true);
    for (let k = 0; k < 60; k++) {
      const n = 1 + Math.floor(next() * total);
      const m = Math.floor(next() * n);
      const inclusion = await log.inclusionProof(m, n);
      expect(inclusion.hashes).toEqual(pure.inclusionProof(m, n));
      expect(
        verifyInclusion({
          leafHash: eventLeafHash(eventHash(m)),
          leafIndex: m,
          treeSize: n,
          proof: inclusion.hashes,
          rootHash: inclusion.rootHash,
        }),
      ).toBe(true);
      const consistency = await log.consistencyProof(m, n);
      expect(consistency.hashes).toEqual(pure.consistencyProof(m, n));
      expect(
        verifyConsistency({
          fromSize: m,
          toSize: n,
          fromRoot: pure.rootAt(m),
          toRoot: pure.rootAt(n),
          proof: consistency.hashes,
        }),
      ).toBe(true);
    }
  });

  it('stores every complete subtree once and never rewrites one', async () => {
    await log.append(leaves(0, 5));
    await log.append(leaves(5, 8));
    const { rows } = await test.db.query<{ level: number; count: number }>(
      'SELECT level, count(*)::int8 AS count FROM tlog_nodes GROUP BY level ORDER BY level',
    );
    expect(rows.map((row) => [Number(row.level), Number(row.count)])).toEqual([
      [0, 8],
      [1, 4],
      [2, 2],
      [3, 1],
    ]);
  });

  it('finds a leaf by its event position, and knows where to resume', async () => {
    await log.append(leaves(0, 4));
    expect(await log.leafIndexOf(leafAt(2).position)).toBe(2);
    expect(await log.leafIndexOf(leafAt(2).position + 1)).toBeUndefined();
    expect(await log.lastPosition()).toBe(leafAt(3).position);
  });

  it('skips a redelivered prefix and appends the rest', async () => {
    await log.append(leaves(0, 4));
    expect(await log.append(leaves(2, 6))).toEqual({ size: 6, appended: 2 });
    expect(
      (await log.rootAt(6)).equals(merkleTree(leaves(0, 6).map((l) => eventLeafHash(l.hash))).rootAt(6)),
    ).toBe(true);
  });

  it('refuses leaves out of global order, after a gap, or at an unexpected index', async () => {
    await log.append(leaves(0, 4));
    await expect(log.append([leafAt(6), leafAt(5)])).rejects.toThrow(LeafOrderError);
    await expect(log.append([{ position: leafAt(1).position + 1, hash: eventHash(99) }])).rejects.toThrow(
      LeafOrderError,
    );
    await expect(log.append([{ ...leafAt(4), leafIndex: 5 }])).rejects.toThrow(LeafOrderError);
    expect(await log.append([{ ...leafAt(4), leafIndex: 4 }])).toEqual({ size: 5, appended: 1 });
  });

  it('refuses a rewritten event at a position it already holds, and changes nothing', async () => {
    await log.append(leaves(0, 4));
    const before = await log.rootAt(4);
    await expect(log.append([leafAt(3, 'rewritten'), leafAt(4)])).rejects.toThrow(LeafConflictError);
    expect(await log.size()).toBe(4);
    expect((await log.rootAt(4)).equals(before)).toBe(true);
  });

  it('answers no root or proof beyond its size', async () => {
    await log.append(leaves(0, 3));
    await expect(log.rootAt(4)).rejects.toThrow(TreeSizeError);
    await expect(log.inclusionProof(3, 3)).rejects.toThrow(TreeSizeError);
    await expect(log.consistencyProof(2, 4)).rejects.toThrow(TreeSizeError);
  });

  it('serialises concurrent appends of the same events: each leaf lands once', async () => {
    await Promise.all([log.append(leaves(0, 30)), log.append(leaves(0, 30)), log.append(leaves(0, 20))]);
    expect(await log.size()).toBe(30);
    const pure = merkleTree(leaves(0, 30).map((l) => eventLeafHash(l.hash)));
    expect((await log.rootAt(30)).equals(pure.rootAt(30))).toBe(true);
  });
});
