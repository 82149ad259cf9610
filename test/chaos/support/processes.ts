import { execFile, spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { canListen } from '../../../bench/support/free-port';

export const root = path.resolve(__dirname, '../../..');
const run = promisify(execFile);
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export const waitUntil = async (
  condition: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs: number,
): Promise<number> => {
  const began = Date.now();
  while (!(await condition())) {
    if (Date.now() - began > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await pause(200);
  }
  return Date.now() - began;
};

/** How often a broker's log says it started (the log is appended to across restarts). */
const starts = (logFile: string) =>
  existsSync(logFile) ? readFileSync(logFile, 'utf8').split('Kafka Server started').length - 1 : 0;

/** A private Kafka cluster for the chaos run: its own state directory and ports. */
export class ChaosKafka {
  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly brokers: number,
    readonly stateDir: string,
    readonly port: number,
  ) {
    this.env = { ...process.env, KAFKA_STATE_DIR: stateDir, KAFKA_PORT: String(port), KAFKA_BROKERS: '' };
  }

  get bootstrap(): string {
    return Array.from({ length: this.brokers }, (_, i) => `127.0.0.1:${this.port + i}`).join(',');
  }

  private kafka(...args: string[]) {
    return run('bash', [path.join(root, 'deploy/local/kafka.sh'), ...args], {
      env: this.env,
      cwd: root,
      timeout: 180_000,
    });
  }

  async start(): Promise<void> {
    await this.kafka('start', '--brokers', String(this.brokers), '--lease', String(process.pid));
  }

  async stop(): Promise<void> {
    await this.kafka('release', String(process.pid)).catch(() => this.kafka('stop'));
  }

  private pidOf(node: number): number {
    return Number(readFileSync(path.join(this.stateDir, `node-${node}`, 'kafka.pid'), 'utf8'));
  }

  /**
   * kafka.sh restarts whole clusters only: one node is stopped (SIGTERM, or SIGKILL) and started
   * again with the very command line it ran with.
   */
  async restartNode(node: number, how: 'graceful' | 'kill'): Promise<void> {
    const pid = this.pidOf(node);
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    process.kill(pid, how === 'kill' ? 'SIGKILL' : 'SIGTERM');
    await waitUntil(() => !alive(pid), `broker ${node} (pid ${pid}) exited`, 60_000);
    const dir = path.join(this.stateDir, `node-${node}`);
    const logFile = path.join(dir, 'kafka.log');
    const startsBefore = starts(logFile);
    const log = openSync(logFile, 'a');
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: ['ignore', log, log], cwd: root });
    child.unref();
    writeFileSync(path.join(dir, 'kafka.pid'), `${child.pid}\n`);
    await waitUntil(() => starts(logFile) > startsBefore, `broker ${node} started again`, 90_000);
  }
}

/**
 * A base port for a private cluster: `count` client ports from it and as many controller ports
 * 1 000 above (kafka.sh's numbering) all free, so concurrent runs never meet.
 */
export const freeKafkaPorts = async (count: number): Promise<number> => {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 9_000);
    const ports = Array.from({ length: count }, (_, i) => [base + i, base + 1000 + i]).flat();
    if ((await Promise.all(ports.map(canListen))).every(Boolean)) return base;
  }
  throw new Error('no free ports for a private Kafka cluster');
};
