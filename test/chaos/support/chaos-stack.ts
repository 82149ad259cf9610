import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freeServicePort } from '../../../bench/support/free-port';
import { scratchDatabase } from '../../../bench/support/scratch-database';
import { alive, pause, root } from './processes';

const run = promisify(execFile);

export const APPS = ['coordination-api', 'audit-api', 'relay', 'projector'] as const;
export type App = (typeof APPS)[number];

/** The real stack, each app its own process, started by deploy/local/stack.sh in a private state directory. */
export class ChaosStack {
  private constructor(
    readonly env: NodeJS.ProcessEnv,
    readonly stateDir: string,
    readonly databaseUrl: string,
    readonly secret: string,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async create(name: string, kafkaBrokers: string, startTimeoutS = 60): Promise<ChaosStack> {
    const database = await scratchDatabase(`multitrack_${name.replace(/\W/g, '_')}`);
    const stateDir = path.join(root, '.state', name, 'stack');
    const secret = randomBytes(32).toString('base64');
    const env = {
      ...process.env,
      STACK_STATE_DIR: stateDir,
      DATABASE_URL: database.url,
      PORT: String(await freeServicePort()),
      AUDIT_PORT: String(await freeServicePort()),
      RELAY_PORT: String(await freeServicePort()),
      PROJECTOR_PORT: String(await freeServicePort()),
      KAFKA_BROKERS: kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `${name}.`,
      AUTH_JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
      // The load pays one organisation thousands of small tranches; since the four-eyes window is the
      // organisation's (decision 0211) they would wait for a second officer past 100 000, and the
      // load checks money kept, not approvals.
      DISBURSEMENT_APPROVAL_THRESHOLD: '1000000000.00',
      LOG_LEVEL: 'warn',
      STACK_START_TIMEOUT: String(startTimeoutS),
    };
    return new ChaosStack(env, stateDir, database.url, secret, database.drop);
  }

  get url(): string {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  portOf(app: App): string {
    return {
      'coordination-api': this.env.PORT,
      'audit-api': this.env.AUDIT_PORT,
      relay: this.env.RELAY_PORT,
      projector: this.env.PROJECTOR_PORT,
    }[app]!;
  }

  private stack(...args: string[]) {
    return run('bash', [path.join(root, 'deploy/local/stack.sh'), ...args], {
      env: this.env,
      cwd: root,
      timeout: 180_000,
    });
  }

  up(...apps: App[]) {
    return this.stack('up', ...apps);
  }

  pidOf(app: App): number | undefined {
    try {
      const pid = Number(readFileSync(path.join(this.stateDir, `${app}.pid`), 'utf8'));
      return alive(pid) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** kill -9, a moment of absence, then `stack.sh up` starts it again and waits until it is ready. */
  async killAndRestart(app: App, downMs = 2000): Promise<void> {
    const pid = this.pidOf(app);
    if (pid) process.kill(pid, 'SIGKILL');
    await pause(downMs);
    await this.up(app);
  }

  async readiness(app: App): Promise<Record<string, unknown> | undefined> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.portOf(app)}/health/ready`, {
        signal: AbortSignal.timeout(3000),
      });
      return (await response.json()) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }

  async down(): Promise<string> {
    return (await this.stack('down')).stdout;
  }

  /** Stops every app; keeps the logs and the database when asked to (for a failed run). */
  async destroy(keep = false): Promise<void> {
    await this.down().catch(() => undefined);
    if (keep) return;
    await this.dropDatabase().catch(() => undefined);
    rmSync(this.stateDir, { recursive: true, force: true });
  }
}
