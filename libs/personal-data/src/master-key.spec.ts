import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateMasterKey, MASTER_KEY_FILE, parseMasterKey } from './master-key';

describe('the master key', () => {
  it('is created once in the data directory, readable by its owner only, and reused afterwards', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'pd-')), 'nested');

    const created = await Promise.all([loadOrCreateMasterKey(dataDir), loadOrCreateMasterKey(dataDir)]);
    const reloaded = await loadOrCreateMasterKey(dataDir);

    expect(created[0]).toHaveLength(32);
    expect(created[1].equals(created[0])).toBe(true);
    expect(reloaded.equals(created[0])).toBe(true);
    expect((await stat(join(dataDir, MASTER_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(parseMasterKey(await readFile(join(dataDir, MASTER_KEY_FILE), 'utf8')).equals(reloaded)).toBe(
      true,
    );
  });

  it('refuses a key file that does not hold 32 bytes, naming the file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pd-'));
    await writeFile(join(dataDir, MASTER_KEY_FILE), Buffer.alloc(16).toString('base64'));

    await expect(loadOrCreateMasterKey(dataDir)).rejects.toThrow(MASTER_KEY_FILE);
  });

  it('names the variable when the configured key is not base64 of 32 bytes', () => {
    expect(() => parseMasterKey('not base64!')).toThrow(/PERSONAL_DATA_MASTER_KEY.*not base64/);
    expect(() => parseMasterKey(Buffer.alloc(31).toString('base64'))).toThrow(
      /PERSONAL_DATA_MASTER_KEY.*31 bytes/,
    );
  });
});
