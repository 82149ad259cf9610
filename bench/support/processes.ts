import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');

/**
 * Compiles apps/ and libs/ as `npm run build` does, into a private directory: a concurrent
 * `npm run build` (test runs start one) empties dist/ and would pull files from under the apps.
 */
export const buildPrivateDist = (name: string): string => {
  const out = path.join(repoRoot, '.state', name, 'dist');
  // The build script itself, pointed elsewhere, so the layout always matches dist/.
  const build = (
    JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: { build: string } }
  ).scripts.build;
  const command = build
    .replace(/^rm -rf dist && /, `rm -rf '${out}' && `)
    .replace('--out-dir dist', `--out-dir '${out}'`);
  const result = spawnSync('sh', ['-c', command], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${repoRoot}/node_modules/.bin:${process.env.PATH}` },
  });
  if (result.status !== 0 || !command.includes(out))
    throw new Error(`could not build into ${out}: ${command}\n${result.stderr}`);
  return out;
};

export interface RunningApp {
  name: string;
  url: string;
  process: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

export interface AppLaunch {
  name: string;
  /** Arguments to node, e.g. [`${dist}/apps/coordination-api/src/main.js`]. */
  args: string[];
  port: number;
  env: NodeJS.ProcessEnv;
  logDir: string;
  readyTimeoutMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const answers = async (url: string) => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200;
  } catch {
    return false;
  }
};

/** Starts an app as its own process and resolves once its /health/ready answers 200. */
export const launchApp = async ({
  name,
  args,
  port,
  env,
  logDir,
  readyTimeoutMs = 60_000,
}: AppLaunch): Promise<RunningApp> => {
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  // The app writes straight to its file, as deployed; a pipe through this busy process would fill
  // up and slow the app down.
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (!(await answers(`${url}/health/ready`))) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode} during start (log: ${logFile})`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} was not ready within ${readyTimeoutMs} ms (log: ${logFile})`);
    }
    await pause(100);
  }
  return { name, url, process: child, logFile, stop };
};
