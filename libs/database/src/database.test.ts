import { createTestDatabase, migrate } from '@multitrack/database';

describe.each(['postgres', 'pglite', 'pglite-worker'] as const)('the %s database', (kind) => {
  it('applies migrations once and runs transactions that roll back on error', async () => {
    const { db, drop } = await createTestDatabase(kind);
    try {
      const migrations = [{ version: 1, name: 'things', sql: 'CREATE TABLE things (id int8 PRIMARY KEY)' }];
      await migrate(db, 'things', migrations);
      await migrate(db, 'things', migrations);
      await db.transaction(async (tx) => tx.query('INSERT INTO things VALUES ($1)', [1]));
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO things VALUES ($1)', [2]);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      const { rows } = await db.query<{ id: number }>('SELECT id FROM things');
      expect(rows).toEqual([{ id: 1 }]);
    } finally {
      await drop();
    }
  });

  it("answers a transaction's own value and error, and PostgreSQL's code and constraint of a refused statement", async () => {
    const { db, drop } = await createTestDatabase(kind);
    try {
      await db.exec('CREATE TABLE things (id int8 PRIMARY KEY, body bytea, at timestamptz)');
      class Refusal extends Error {}
      const value = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO things VALUES ($1, $2, $3)', [1, Buffer.from('bytes'), new Date(0)]);
        return { written: 1n, when: new Date(0) };
      });
      expect(value).toEqual({ written: 1n, when: new Date(0) });
      await expect(db.transaction(() => Promise.reject(new Refusal('no')))).rejects.toBeInstanceOf(Refusal);
      await expect(db.query('INSERT INTO things (id) VALUES (1)')).rejects.toMatchObject({
        code: '23505',
        constraint: 'things_pkey',
      });
      const { rows } = await db.query<{ body: Uint8Array; at: Date }>('SELECT body, at FROM things');
      expect(Buffer.from(rows[0].body).toString()).toBe('bytes');
      expect(rows[0].at).toEqual(new Date(0));
    } finally {
      await drop();
    }
  });
});

describe('the embedded database', () => {
  it('gives the event loop a turn after each statement, so waiting sockets are read between queries', async () => {
    const { db, drop } = await createTestDatabase('pglite');
    try {
      await db.query('SELECT 1');
      // Given I/O waiting (a setImmediate stands in for it), when one statement runs
      let ioRan = false;
      setImmediate(() => (ioRan = true));
      await db.query('SELECT 1');
      // Then the waiting I/O ran before the statement's result arrived
      expect(ioRan).toBe(true);
    } finally {
      await drop();
    }
  });
});

describe.each(['pglite', 'pglite-worker'] as const)('the %s database once closed', (kind) => {
  it('refuses every statement at once instead of leaving it pending (a shutdown must finish)', async () => {
    const { db } = await createTestDatabase(kind);
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/closed/i);
    await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toThrow(/closed/i);
  });
});
