import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const DEVELOPMENT_SECRET_FILE = 'dev-jwt-secret';

/**
 * The embedded default must start with one command, so when no AUTH_* variable is set it signs
 * and checks HS256 tokens with a secret made once in DATA_DIR (`npm run token` reads the same file).
 * Never used when AUTH_JWT_SECRET or AUTH_JWKS_URL is given.
 */
export const loadOrCreateDevelopmentSecret = async (dataDir: string): Promise<string> => {
  const file = join(dataDir, DEVELOPMENT_SECRET_FILE);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // 'wx' refuses to overwrite: of two first starts racing, the loser reads the winner's secret.
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  return (await readFile(file, 'utf8')).trim();
};
