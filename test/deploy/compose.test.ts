import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DCLinter } from 'dclint';
import { parse } from 'yaml';
import { resolveAuthMode } from '@multitrack/auth';
import { authOptionsFrom, parseConfig } from '@multitrack/platform';
import { composeFolder, interpolate, loadCompose, readEnvFile } from './support/compose-file';
import { configSchemaOf, deployedApps, root } from './support/deployed-apps';

/** deploy/compose, checked without a container engine. */
describe('the compose deployment', () => {
  const exampleEnv = readEnvFile(path.join(composeFolder, '.env.example'));
  const compose = loadCompose(exampleEnv);
  // A variable left empty after interpolation is null in YAML: Compose then passes nothing.
  const environmentOf = (service: string) =>
    Object.fromEntries(
      Object.entries(compose.services[service].environment ?? {})
        .filter(([, value]) => value !== null)
        .map(([key, value]) => [key, String(value)]),
    );

  it('is valid against the Compose specification schema and passes the linter', () => {
    // dclint carries the Compose specification's JSON schema; the style rules (key order) are off.
    const style = [
      'service-keys-order',
      'services-alphabetical-order',
      'top-level-properties-order',
      'service-dependencies-alphabetical-order',
      'service-ports-alphabetical-order',
      'require-quotes-in-ports',
    ];
    const linter = new DCLinter({
      rules: Object.fromEntries(style.map((rule) => [rule, 0])),
      quiet: true,
      debug: false,
      exclude: [],
    });
    const [result] = linter.lintFiles([path.join(composeFolder, 'compose.yaml')], false);
    expect(
      result.messages.map((message) => `${message.rule} line ${message.line}: ${message.message}`),
    ).toEqual([]);
  });

  it('refuses to start without each required setting, and the example env file sets them all', () => {
    const text = readFileSync(path.join(composeFolder, 'compose.yaml'), 'utf8');
    const required = [...text.matchAll(/\$\{([A-Z0-9_]+):\?/g)].map(([, name]) => name);
    expect(required.length).toBeGreaterThan(5);
    for (const name of new Set(required)) {
      expect({ name, inExample: exampleEnv[name] !== undefined && exampleEnv[name] !== '' }).toEqual({
        name,
        inExample: true,
      });
      const { [name]: _left, ...without } = exampleEnv;
      expect(() => interpolate(text, without)).toThrow(name);
    }
  });

  it.each(deployedApps)(
    "runs %s with an environment that satisfies the app's own configuration schema",
    (app) => {
      const service = compose.services[app];
      expect(service?.command).toEqual([app]);
      const config = parseConfig(configSchemaOf(app), environmentOf(app)) as Record<string, unknown>;
      expect(() =>
        resolveAuthMode(authOptionsFrom(config as Parameters<typeof authOptionsFrom>[0])),
      ).not.toThrow();
      // The KurrentDB CA it trusts is mounted, and nothing else of the certificates volume.
      const caFile = /tlsCAFile=([^&]+)/.exec(String(config.EVENTSTORE_CONNECTION_STRING ?? ''))?.[1];
      if (config.EVENT_STORE === 'eventstoredb' && caFile) {
        expect(service.volumes).toEqual([
          expect.objectContaining({
            source: 'kurrentdb-certs',
            target: path.dirname(caFile),
            read_only: true,
            volume: { subpath: 'ca' },
          }),
        ]);
      }
    },
  );

  it.each(deployedApps)(
    'health-checks %s, after the migrations, and scrapes it on its metrics port, not the API port',
    (app) => {
      const { PORT, METRICS_PORT, METRICS_PUBLIC } = parseConfig(configSchemaOf(app), environmentOf(app)) as {
        PORT: number;
        METRICS_PORT?: number;
        METRICS_PUBLIC: boolean;
      };
      expect(METRICS_PORT).toEqual(expect.any(Number));
      expect(METRICS_PORT).not.toBe(PORT);
      expect(METRICS_PUBLIC).toBe(false);
      const service = compose.services[app];
      expect(service.healthcheck.test).toEqual(['CMD', 'node', '/usr/local/lib/multitrack/healthcheck.js']);
      expect(service.depends_on.migrate).toEqual({ condition: 'service_completed_successfully' });
      const prometheus = parse(
        readFileSync(path.join(composeFolder, 'prometheus/prometheus.yml'), 'utf8'),
      ) as { scrape_configs: { job_name: string; dns_sd_configs: { names: string[]; port: number }[] }[] };
      const job = prometheus.scrape_configs.find((candidate) => candidate.job_name === app);
      expect(job?.dns_sd_configs).toEqual([{ names: [app], type: 'A', port: METRICS_PORT }]);
      // published to the host by no app: Prometheus reaches it on the compose network only
      expect(compose.services[app].ports).toBeUndefined();
    },
  );

  it('runs two replicas of each API and one relay', () => {
    expect(compose.services['coordination-api'].deploy.replicas).toBe(2);
    expect(compose.services['audit-api'].deploy.replicas).toBe(2);
    expect(compose.services.relay.deploy.replicas).toBe(1);
  });

  it('routes the gateway to the APIs on their ports', () => {
    const nginx = readFileSync(path.join(composeFolder, 'gateway/nginx.conf'), 'utf8');
    for (const app of ['coordination-api', 'audit-api']) {
      const { PORT } = parseConfig(configSchemaOf(app), environmentOf(app)) as { PORT: number };
      expect(nginx).toContain(`http://${app}:${PORT};`);
    }
  });

  it('runs three KurrentDB nodes and three Kafka brokers that name each other', () => {
    for (const node of [1, 2, 3]) {
      const { KURRENTDB_GOSSIP_SEED, KURRENTDB_REPLICATION_IP } = environmentOf(`kurrentdb-${node}`);
      expect(compose.services[`kurrentdb-${node}`].networks.multitrack.ipv4_address).toBe(
        KURRENTDB_REPLICATION_IP,
      );
      const others = [1, 2, 3]
        .filter((other) => other !== node)
        .map((other) => `${compose.services[`kurrentdb-${other}`].networks.multitrack.ipv4_address}:2113`);
      expect(KURRENTDB_GOSSIP_SEED.split(',')).toEqual(others);
      expect(environmentOf(`kafka-${node}`)).toMatchObject({
        KAFKA_NODE_ID: String(node),
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://kafka-${node}:9092`,
      });
    }
    expect(environmentOf('relay').KAFKA_BROKERS).toBe('kafka-1:9092,kafka-2:9092,kafka-3:9092');
  });
});

describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(readFileSync(path.join(root, 'deploy/grafana/multitrack.json'), 'utf8')) as {
    panels: { title: string; targets?: { expr: string }[] }[];
  };

  it('queries only metrics the apps export', () => {
    const defined = new Set<string>();
    const sources = execFileSync('git', ['grep', '-h', "name: '", '--', 'apps', 'libs'], {
      cwd: root,
      encoding: 'utf8',
    });
    for (const [, name] of sources.matchAll(/name: '([a-z_]+)'/g))
      for (const suffix of ['', '_count', '_bucket', '_sum']) defined.add(name + suffix);
    const used = dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).flatMap((target) =>
        [...target.expr.matchAll(/\b((?:multitrack|http)_[a-z_]+)\b/g)].map(([, name]) => name),
      ),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
  });

  it('shows lag, throughput, error rates and checkpoint age', () => {
    const titles = dashboard.panels.map((panel) => panel.title).join(' | ');
    for (const topic of [/lag/i, /published|applied/i, /5xx|4xx/i, /checkpoint age/i])
      expect(titles).toMatch(topic);
  });
});
