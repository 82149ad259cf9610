import { createTestDatabase, migrate } from '@multitrack/database';

describe.each(['postgres', 'pglite'] as const)('the %s database', (kind) => {
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
