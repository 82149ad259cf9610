/**
 * Master-key rotation of the personal-data vault (docs/runbooks/rotate-personal-data-master-key.md):
 * re-wraps every organisation's data key from the old master key to the new one. Ciphertexts in
 * the event log do not change. Resumable: run it again after an interruption.
 *
 *   DATABASE_URL=postgres://… PERSONAL_DATA_OLD_MASTER_KEY=<old> PERSONAL_DATA_MASTER_KEY=<new> npm run rewrap-personal-data
 *
 * Exit 0 when every row is on the new key, 2 when some row did not unwrap with the old key (named
 * on stderr, left untouched), 1 on a configuration error.
 */
import { openPostgres } from '@multitrack/database';
import { parseMasterKey, rewrapAll } from '@multitrack/personal-data';
import { loadConfig, personalDataVariables, storageVariables } from '@multitrack/platform';
import { z } from 'zod';

const rewrapConfig = z.object({
  DATABASE_URL: storageVariables.DATABASE_URL.unwrap(),
  PERSONAL_DATA_MASTER_KEY: personalDataVariables.PERSONAL_DATA_MASTER_KEY.unwrap(),
  PERSONAL_DATA_OLD_MASTER_KEY: personalDataVariables.PERSONAL_DATA_MASTER_KEY.unwrap(),
});

const main = async () => {
  const config = loadConfig(rewrapConfig);
  const newKey = parseMasterKey(config.PERSONAL_DATA_MASTER_KEY, 'PERSONAL_DATA_MASTER_KEY');
  const oldKey = parseMasterKey(config.PERSONAL_DATA_OLD_MASTER_KEY, 'PERSONAL_DATA_OLD_MASTER_KEY');
  const db = await openPostgres({
    connectionString: config.DATABASE_URL,
    applicationName: 'multitrack-rewrap',
    maxConnections: 2,
  });
  try {
    const { rewrapped, failed } = await rewrapAll(db, oldKey, newKey);
    process.stdout.write(
      `rewrap-personal-data: ${rewrapped} data keys re-wrapped under the new master key\n`,
    );
    if (failed.length > 0) {
      process.stderr.write(
        `rewrap-personal-data: ${failed.length} did not unwrap with the old key and were left as they are: ${failed.join(', ')}\n`,
      );
      process.exitCode = 2;
    }
  } finally {
    await db.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`rewrap-personal-data: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
