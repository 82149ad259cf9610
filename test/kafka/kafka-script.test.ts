import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freeKafkaPorts, root } from '../chaos/support/processes';
import { kafkaScript } from '../setup/global-setup';

// deploy/local/kafka.sh itself, on private state directories and ports (never the cluster the
// other tests share): what an earlier start left behind must not stop the next one, and a
// setting it cannot pass on safely is refused, named, before anything is touched.
const home = path.join(root, '.state', `kafka-script-test-${randomBytes(4).toString('hex')}`);
const newStateDir = (name: string) => path.join(home, name);
afterAll(() => rmSync(home, { recursive: true, force: true }));

type Outcome = { code: number; stdout: string; stderr: string };
const kafkaSh = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  new Promise<Outcome>((resolve) =>
    execFile('bash', [kafkaScript, ...args], { env, cwd: root, timeout: 150_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    ),
  );

/** KAFKA_BROKERS is emptied: the global setup exports the shared cluster's, and kafka.sh would start nothing. */
const settings = (stateDir: string, port: number, more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  KAFKA_STATE_DIR: stateDir,
  KAFKA_PORT: String(port),
  KAFKA_HEAP: '256m',
  KAFKA_BROKERS: '',
  ...more,
});

/** Gone, or a zombie this machine's init has not reaped yet. */
const exited = (pid: number) => {
  try {
    return /\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};

describe('kafka.sh on a state directory that an earlier start left behind', () => {
  // The id from issue 20: the old script made one id in 64 that begins with "-", which the storage
  // tool read as an option, so that state directory could never be formatted.
  const clusterId = '-FcyIRvF7y0bzYS7kxcMCg';
  const stateDir = newStateDir('left-behind');
  let env: NodeJS.ProcessEnv;
  let port: number;
  let stranger: ChildProcess;
  let started: Outcome;

  beforeAll(async () => {
    // Given the state the failed start left: its node count, and its cluster id as the old script
    // wrote it (no newline)
    mkdirSync(path.join(stateDir, 'node-1'), { recursive: true });
    writeFileSync(path.join(stateDir, 'brokers'), '1\n');
    writeFileSync(path.join(stateDir, 'cluster-id'), clusterId);
    // And the pid file of a broker that was killed, its PID since given to a process that is no broker
    stranger = spawn('sleep', ['600'], { stdio: 'ignore' });
    writeFileSync(path.join(stateDir, 'node-1', 'kafka.pid'), `${stranger.pid}\n`);
    port = await freeKafkaPorts(1);
    env = settings(stateDir, port);

    // When a test run starts it
    started = await kafkaSh(env, 'start', '--lease', String(process.pid));
  }, 160_000);

  afterAll(async () => {
    await kafkaSh(env, 'stop');
    stranger.kill();
  }, 60_000);

  it('formats the node with the id that begins with "-" and serves clients under it', async () => {
    expect(started).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/started 1 broker\(s\) at 127\.0\.0\.1:\d+/),
    });
    expect(readFileSync(path.join(stateDir, 'node-1', 'data', 'meta.properties'), 'utf8')).toContain(
      `cluster.id=${clusterId}\n`,
    );
    const admin = new Kafka({ brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      expect((await admin.describeCluster()).clusterId).toBe(clusterId);
    } finally {
      await admin.disconnect();
    }
  });

  it('stops with the last live lease, not held up by a lease whose PID now belongs to another process', async () => {
    // Given a lease of a run that crashed, its PID since given to another process
    writeFileSync(path.join(stateDir, 'leases', String(stranger.pid)), '1\n');
    const broker = Number(readFileSync(path.join(stateDir, 'node-1', 'kafka.pid'), 'utf8'));

    // When this run gives back its own lease
    const released = await kafkaSh(env, 'release', String(process.pid));

    // Then the broker stops
    expect(released).toMatchObject({ code: 0, stdout: expect.stringMatching(/stopped/) });
    expect(exited(broker)).toBe(true);
    expect((await kafkaSh(env, 'status')).code).toBe(3);
  }, 60_000);
});

describe('kafka.sh refuses what it cannot pass on safely, naming it, before it touches anything', () => {
  let port: number;
  beforeAll(async () => {
    port = await freeKafkaPorts(3);
  });

  it.each([
    ['KAFKA_PORT', { KAFKA_PORT: 'SECONDS[$(touch injected)]' }, /KAFKA_PORT must be a whole number/],
    ['KAFKA_HEAP', { KAFKA_HEAP: '1g -XX:+PrintFlagsFinal' }, /KAFKA_HEAP must be a JVM heap size/],
    ['KAFKA_STATE_DIR', { KAFKA_STATE_DIR: '/tmp/one,two' }, /KAFKA_STATE_DIR must not contain a comma/],
    ['KAFKA_PARTITIONS', { KAFKA_PARTITIONS: '0' }, /KAFKA_PARTITIONS must be a whole number from 1/],
  ])('a bad %s', async (name, bad, said) => {
    const stateDir = newStateDir(`bad-${name}`);
    const outcome = await kafkaSh(settings(stateDir, port, bad), 'start');
    expect(outcome).toMatchObject({ code: 1, stderr: expect.stringMatching(said) });
    // Shell arithmetic on the raw text would have run the command in it
    expect(existsSync(path.join(root, 'injected'))).toBe(false);
    expect(existsSync(path.join(stateDir, 'brokers'))).toBe(false);
  });

  it.each(['../brokers', '-1', '1 2'])('a lease %j that is not a PID', async (lease) => {
    const stateDir = newStateDir('bad-lease');
    for (const command of [
      ['start', '--lease', lease],
      ['release', lease],
    ]) {
      const outcome = await kafkaSh(settings(stateDir, port), ...command);
      expect(outcome).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/a lease is the PID of the process/),
      });
    }
    expect(existsSync(path.join(stateDir, 'brokers'))).toBe(false);
  });

  it('a client port another process listens on, and leaves the state of the earlier cluster in place', async () => {
    // Given a state directory formatted for one broker, and another process on the port
    const stateDir = newStateDir('port-in-use');
    mkdirSync(path.join(stateDir, 'node-1', 'data'), { recursive: true });
    writeFileSync(path.join(stateDir, 'brokers'), '1\n');
    const other: Server = await new Promise((resolve) => {
      const server = createServer().listen(port + 1, '127.0.0.1', () => resolve(server));
    });
    try {
      // When three brokers are started on ports that include it
      const outcome = await kafkaSh(settings(stateDir, port), 'start', '--brokers', '3');

      // Then it names the port and the variable, and has neither wiped nor formatted anything
      expect(outcome).toMatchObject({
        code: 1,
        stderr: expect.stringContaining(
          `127.0.0.1:${port + 1} (node 2's client port, from KAFKA_PORT) is in use`,
        ),
      });
      expect(existsSync(path.join(stateDir, 'node-1', 'data'))).toBe(true);
      expect(readFileSync(path.join(stateDir, 'brokers'), 'utf8')).toBe('1\n');
      expect(existsSync(path.join(stateDir, 'cluster-id'))).toBe(false);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('controller ports that overlap the client ports', async () => {
    const stateDir = newStateDir('overlap');
    const outcome = await kafkaSh(
      settings(stateDir, port, { KAFKA_CONTROLLER_PORT: String(port + 2) }),
      'start',
      '--brokers',
      '3',
    );
    expect(outcome).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/overlap: move KAFKA_CONTROLLER_PORT/),
    });
    expect(existsSync(path.join(stateDir, 'brokers'))).toBe(false);
  });
});
