import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployedApps, root } from './support/deployed-apps';

/**
 * The image, checked without a container engine: the Dockerfile's promises read from the file,
 * and its entrypoint run against the dist/ that `npm run build` (the Dockerfile's build step, run
 * by the test setup) produced, with an empty environment.
 */
describe('the container image', () => {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];

  it('runs as a numeric non-root user, with a health check, and installs no dev dependencies', () => {
    const user = /^USER (\d+):(\d+)$/m.exec(runtime);
    expect(user && Number(user[1])).toBeGreaterThan(0);
    expect(runtime).toMatch(
      /^HEALTHCHECK .*\n\s+CMD \["node", "\/usr\/local\/lib\/multitrack\/healthcheck\.js"\]/m,
    );
    expect(runtime).not.toMatch(/npm (ci|install)/);
    const dependencies = stages.find((stage) => /AS runtime-deps/.test(stage))!;
    expect(dependencies).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=runtime-deps .* node_modules/);
    expect(runtime).toMatch(/COPY --from=build .*\/src\/dist dist/);
  });

  it('builds dist/ with the same npm run build as the repository', () => {
    expect(stages.find((stage) => /AS build/.test(stage))).toMatch(/^RUN npm run build$/m);
  });

  it('keeps the build context to what the Dockerfile copies', () => {
    const ignore = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignore).toContain('**');
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(?:--chown=\S+ )?(.+) \S+$/gm)].flatMap(
      ([, sources]) => sources.split(' '),
    );
    for (const source of copied)
      expect({
        source,
        included: ignore.some(
          (line) =>
            line === `!${source}` || line === `!${source}/**` || line === `!${path.dirname(source)}/**`,
        ),
      }).toEqual({ source, included: true });
  });

  /** The entrypoint with `node` on PATH standing for whatever it execs (a fake that prints its arguments), or the real one. */
  const entrypoint = (args: string[], { fakeNode = false } = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const bin = fakeNode ? mkdtempSync(path.join(tmpdir(), 'entrypoint-')) : undefined;
      if (bin) writeFileSync(path.join(bin, 'node'), '#!/bin/sh\necho "$@"\n', { mode: 0o755 });
      const child = spawn('sh', [path.join(root, 'deploy/docker/entrypoint.sh'), ...args], {
        env: { PATH: bin ? `${bin}:${process.env.PATH}` : process.env.PATH, MULTITRACK_HOME: root },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (status) => {
        if (bin) rmSync(bin, { recursive: true, force: true });
        resolve({ status, stdout, stderr });
      });
    });

  it.each([...deployedApps, 'standalone', 'migrate', 'rewrap-personal-data', 'audit', 'projections-rebuild'])(
    'runs an entry point that the build produced for %s',
    async (command) => {
      const { status, stdout } = await entrypoint([command, '--flag'], { fakeNode: true });
      expect(status).toBe(0);
      const [script, ...rest] = stdout
        .trim()
        .split(' ')
        .filter((word) => !word.startsWith('--max-'));
      expect(existsSync(script)).toBe(true);
      expect(script.startsWith(path.join(root, 'dist'))).toBe(true);
      expect(rest).toEqual(['--flag']);
    },
  );

  it('starts the real program, which then names the settings it lacks', async () => {
    const { status, stderr } = await entrypoint(['migrate']);
    expect(status).toBe(1);
    expect(stderr).toBe('invalid configuration: DATABASE_URL is required\n');
  });

  it('refuses an unknown command, naming the ones it knows', async () => {
    const { status, stderr } = await entrypoint(['coordination']);
    expect(status).toBe(64);
    expect(stderr).toContain("unknown command 'coordination'");
    for (const app of deployedApps) expect(stderr).toContain(app);
  });
});
