import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@multitrack/database';
import { createPersonalDataVault } from '@multitrack/personal-data';
import { runScript } from './support/run-script';

const rewrap = (env: Record<string, string>) => runScript('rewrap-personal-data', env);

describe('npm run rewrap-personal-data (rotating the personal-data master key)', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await createTestDatabase('postgres')));
  afterAll(() => database?.drop());

  it('moves every data key to the new master key, so the vault reads with the new key alone', async () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const before = await createPersonalDataVault(database.db, oldKey, { keyCacheTtlMs: 0 });
    const ciphertexts = await Promise.all(
      ['KE-NCB-1', 'KE-NCB-2', 'US-EIN-3'].map((subject) =>
        before.encrypt(subject, `contact@${subject}.example`),
      ),
    );

    const env = {
      DATABASE_URL: database.url!,
      PERSONAL_DATA_OLD_MASTER_KEY: oldKey.toString('base64'),
      PERSONAL_DATA_MASTER_KEY: newKey.toString('base64'),
    };
    const first = rewrap(env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('rewrap-personal-data: 3 data keys re-wrapped under the new master key\n');
    expect(first.status).toBe(0);

    const after = await createPersonalDataVault(database.db, newKey, { keyCacheTtlMs: 0 });
    expect(await Promise.all(ciphertexts.map((ciphertext) => after.decrypt(ciphertext)))).toEqual([
      'contact@KE-NCB-1.example',
      'contact@KE-NCB-2.example',
      'contact@US-EIN-3.example',
    ]);
    await expect(before.decrypt(ciphertexts[0])).rejects.toThrow();
    // Run again (an interrupted job is simply restarted): nothing is left to do.
    expect(rewrap(env).stdout).toBe(
      'rewrap-personal-data: 0 data keys re-wrapped under the new master key\n',
    );
  });

  it('refuses to run without the old key, naming it', () => {
    const { status, stderr } = rewrap({
      DATABASE_URL: database.url!,
      PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
    });
    expect(status).toBe(1);
    expect(stderr).toBe('invalid configuration: PERSONAL_DATA_OLD_MASTER_KEY is required\n');
  });
});
