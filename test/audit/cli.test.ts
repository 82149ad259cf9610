import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, loadSigner, publicKeyRaw } from '@multitrack/transparency-log';
import { AuditApp, openAuditApp } from './harness';
import { seedFundingStory } from './seed';

jest.setTimeout(180_000);

const root = join(__dirname, '../..');
const witnessKey = generateSigningKey();
const witness = loadSigner({ name: 'witness.example/cli', privateKeyPkcs8Base64: witnessKey });

describe('npm run audit (the CLI) against the audit API on PostgreSQL', () => {
  let audit: AuditApp;
  let dir: string;

  beforeAll(async () => {
    audit = await openAuditApp('postgres', {
      AUDIT_WITNESS_KEYS: `${witness.name}=${publicKeyRaw(witness)}`,
    });
    await seedFundingStory(audit.store, 1);
    await audit.settle();
    dir = await mkdtemp(join(tmpdir(), 'audit-cli-'));
  });
  afterAll(() => audit?.close());

  const cli = async (args: string[], role: 'auditor' | 'witness' = 'auditor') => {
    const env = { ...process.env, AUDIT_API_URL: audit.url, AUDIT_TOKEN: await audit.token(role) };
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        'node',
        ['-r', '@swc-node/register', 'apps/audit-api/src/cli/main.ts', ...args],
        { cwd: root, env },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
  };

  it('verifies the latest checkpoint, an inclusion and a consistency proof, exiting 0', async () => {
    const { rows } = await audit.db.query<{ global_position: string }>(
      'SELECT global_position FROM events ORDER BY global_position LIMIT 1 OFFSET 3',
    );
    const first = await audit.settle();
    await seedFundingStory(audit.store, 2);
    await audit.settle();
    const result = await cli([
      'verify',
      '--position',
      String(rows[0].global_position),
      '--from',
      String(first),
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('unchanged');
  });

  it('exits 1 when the checkpoint is not signed by the given key, and 2 on a usage error or an unreachable API', async () => {
    const stranger = loadSigner({
      name: 'multitrack.example/audit-log',
      privateKeyPkcs8Base64: generateSigningKey(),
    });
    expect(
      (await cli(['verify', '--public-key', publicKeyRaw(stranger), '--log-name', stranger.name])).code,
    ).toBe(1);
    expect((await cli(['export', 'pdf'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['--url', 'http://127.0.0.1:1', 'verify'])).code).toBe(2);
  });

  it('replays the log locally with every chain whole, and reports the first broken event with exit 1', async () => {
    expect(await cli(['replay'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('every hash chain whole'),
    });
    await audit.db.query(
      `UPDATE events SET data = jsonb_set(data, '{title}', '"Rewritten"') WHERE stream_id = 'request-req-2' AND stream_version = 0`,
    );
    const broken = await cli(['replay']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('"streamId":"request-req-2","revision":0');
  });

  it('cosigns as a witness, keeping the last checkpoint seen', async () => {
    const keyFile = join(dir, 'witness.key');
    await writeFile(keyFile, witnessKey);
    const args = ['witness', '--key', keyFile, '--name', witness.name, '--state', join(dir, 'state.json')];
    expect(await cli(args, 'witness')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('first checkpoint seen'),
    });
    await seedFundingStory(audit.store, 3);
    await audit.settle();
    expect(await cli(args, 'witness')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('consistent with'),
    });
  });
});
