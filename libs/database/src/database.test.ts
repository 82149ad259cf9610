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
