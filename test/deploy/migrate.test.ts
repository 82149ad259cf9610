import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from '@multitrack/database';
import { readModels } from '@multitrack/read-models';
import { root } from './support/deployed-apps';
import { runScript } from './support/run-script';

/** Every module name a `migrate(db, '<module>', …)` call in apps/ and libs/ names, read from the source. */
const modulesMigratedInSource = (): Set<string> => {
  const modules = new Set<string>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/(?<!\.spec|\.test)\.ts$/.test(entry.name)) {
        for (const [, name] of readFileSync(file, 'utf8').matchAll(/\bmigrate\(\s*\w+,\s*'([^']+)'/g))
          modules.add(name);
      }
    }
  };
  visit(path.join(root, 'apps'));
  visit(path.join(root, 'libs'));
  for (const model of readModels) modules.add(`read-models.${model.name}`);
  return modules;
};

const runMigrate = (url: string) => runScript('migrate', { DATABASE_URL: url });

describe('npm run migrate (the migration Job of a deployment)', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await createTestDatabase('postgres')));
  afterAll(() => database?.drop());

  it('applies the migrations of every module the apps migrate at start, and again applies nothing', async () => {
    const first = runMigrate(database.url!);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const { rows } = await database.db.query<{ module: string }>(
      'SELECT DISTINCT module FROM schema_migrations',
    );
    expect(new Set(rows.map((row) => row.module))).toEqual(modulesMigratedInSource());

    const second = runMigrate(database.url!);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('refuses to run without DATABASE_URL, naming it', () => {
    const { status, stderr } = runMigrate('');
    expect(status).toBe(1);
    expect(stderr).toBe('invalid configuration: DATABASE_URL is required\n');
  });
});
