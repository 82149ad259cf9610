import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveAuthMode } from '@multitrack/auth';
import { authOptionsFrom, parseConfig, READINESS_TIMEOUT_MS } from '@multitrack/platform';
import { configSchemaOf, deployedApps, serverPortsOf } from './support/deployed-apps';
import {
  k8s,
  KubernetesObject,
  named,
  render,
  schemaProblems,
  yamlObjects,
} from './support/kubernetes-manifests';
import { availableSecrets, Container, environmentOf, SecretValues } from './support/pod-environment';

/**
 * deploy/k8s, checked without a cluster: every rendered object against the Kubernetes API schema
 * (or its operator's), and the references between them and the apps' own configuration.
 */
const overlays = ['production', 'staging'];
const apis = ['coordination-api', 'audit-api'];

describe.each(overlays)('the %s overlay', (overlay) => {
  let objects: KubernetesObject[];
  let secrets: SecretValues;
  beforeAll(() => {
    objects = render(`overlays/${overlay}`);
    const example = yamlObjects(
      readFileSync(path.join(k8s, 'overlays', overlay, 'secrets.example.yaml'), 'utf8'),
    );
    secrets = availableSecrets(example, objects);
  });

  const deployment = (app: string) => {
    const found = named(objects, 'Deployment', app);
    if (!found)
      throw new Error(
        `no Deployment ${app}: add deploy/k8s/base/apps/${app} and list it in deploy/k8s/base/kustomization.yaml`,
      );
    return found;
  };
  const containerOf = (app: string): Container => deployment(app).spec.template.spec.containers[0];
  const configOf = (app: string) =>
    parseConfig(configSchemaOf(app), environmentOf(containerOf(app), objects, secrets)) as Record<
      string,
      unknown
    >;

  it("renders, and every object is valid against the Kubernetes API or its operator's schema", () => {
    expect(objects.length).toBeGreaterThan(20);
    const problems = objects.flatMap((object) =>
      schemaProblems(object).map((problem) => `${object.kind} ${object.metadata.name}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('puts every namespaced object in the one namespace', () => {
    const namespaces = new Set(
      objects.filter((object) => object.kind !== 'Namespace').map((object) => object.metadata.namespace),
    );
    expect([...namespaces]).toEqual([named(objects, 'Namespace', [...namespaces][0] ?? '')?.metadata.name]);
  });

  it('names only Secrets and keys that the example lists or an operator makes', () => {
    const missing: string[] = [];
    for (const object of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
      const pod = object.spec.template.spec;
      for (const container of pod.containers as Container[]) {
        try {
          environmentOf(container, objects, secrets);
        } catch (error) {
          missing.push(`${object.metadata.name}: ${(error as Error).message}`);
        }
      }
      for (const volume of (pod.volumes ?? []) as {
        secret?: { secretName: string; items?: { key: string }[] };
      }[]) {
        if (!volume.secret) continue;
        const values = secrets.get(volume.secret.secretName);
        if (!values)
          missing.push(`${object.metadata.name}: volume Secret ${volume.secret.secretName} does not exist`);
        for (const item of volume.secret.items ?? [])
          if (values && !(item.key in values))
            missing.push(
              `${object.metadata.name}: Secret ${volume.secret.secretName} has no key ${item.key}`,
            );
      }
    }
    for (const cluster of objects.filter((o) => o.kind === 'Cluster')) {
      const credentials = cluster.spec.backup?.barmanObjectStore?.s3Credentials ?? {};
      for (const reference of Object.values(credentials) as { name: string; key: string }[]) {
        if (!secrets.get(reference.name)?.[reference.key])
          missing.push(`Cluster ${cluster.metadata.name}: Secret ${reference.name} key ${reference.key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('runs the migration Job with the image and the database of the apps', () => {
    const job = named(objects, 'Job', 'multitrack-migrate')!;
    const container = job.spec.template.spec.containers[0] as Container;
    expect(container.args).toEqual(['migrate']);
    expect(container.image).toBe(containerOf('coordination-api').image);
    expect(environmentOf(container, objects, secrets).DATABASE_URL).toBe(
      configOf('coordination-api').DATABASE_URL,
    );
  });

  it('lets the migration Job reach PostgreSQL, and splits into the apply steps of deploy/README.md', () => {
    const migration = objects.filter(
      (object) => object.metadata.labels?.['app.kubernetes.io/component'] === 'migration',
    );
    expect(migration.map((object) => `${object.kind}/${object.metadata.name}`).sort()).toEqual([
      'Job/multitrack-migrate',
      'NetworkPolicy/multitrack-migrate',
    ]);
    const policy = named(objects, 'NetworkPolicy', 'multitrack-migrate')!;
    const port = serverPortsOf({ DATABASE_URL: configOf('coordination-api').DATABASE_URL }).get(
      'DATABASE_URL',
    );
    expect(
      policy.spec.egress.flatMap((rule: { ports: { port: number }[] }) => rule.ports.map((p) => p.port)),
    ).toEqual([port]);
    // Step one applies what is not Multitrack's own: the namespace and the engines, nothing that runs the image.
    const engines = objects.filter(
      (object) => object.metadata.labels?.['app.kubernetes.io/part-of'] !== 'multitrack',
    );
    expect(new Set(engines.map((object) => object.kind))).toEqual(
      new Set([
        'Namespace',
        'Kafka',
        'KafkaNodePool',
        'Cluster',
        'ScheduledBackup',
        'Issuer',
        'Certificate',
        'KurrentDB',
      ]),
    );
  });

  it('runs every container as a non-root user on a read-only root filesystem, with resource requests', () => {
    for (const object of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
      const pod = object.spec.template.spec;
      expect({ name: object.metadata.name, runAsNonRoot: pod.securityContext?.runAsNonRoot }).toEqual({
        name: object.metadata.name,
        runAsNonRoot: true,
      });
      for (const container of pod.containers as Container[]) {
        expect(container.securityContext).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.resources?.requests).toEqual(
          expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
        );
      }
    }
  });

  describe.each(deployedApps)('%s', (app) => {
    it("starts with an environment that satisfies the app's own configuration schema and auth checks", () => {
      const config = configOf(app);
      expect(() =>
        resolveAuthMode(authOptionsFrom(config as Parameters<typeof authOptionsFrom>[0])),
      ).not.toThrow();
      expect(containerOf(app).args).toEqual([app]);
    });

    it('listens where its container ports, Service, probes and scrape annotation say; /metrics on its own port', () => {
      const config = configOf(app);
      const { PORT, METRICS_PORT } = config;
      const container = containerOf(app);
      expect(container.ports).toEqual(
        expect.arrayContaining([
          { name: 'http', containerPort: PORT },
          { name: 'metrics', containerPort: METRICS_PORT },
        ]),
      );
      expect(container.ports).toHaveLength(2);
      // The app serves /metrics on METRICS_PORT only (never on the API port), and not publicly
      expect(METRICS_PORT).toEqual(expect.any(Number));
      expect(METRICS_PORT).not.toBe(PORT);
      expect(config.METRICS_PUBLIC).toBe(false);
      expect(container.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.readinessProbe.timeoutSeconds * 1000).toBeGreaterThan(READINESS_TIMEOUT_MS);
      expect(deployment(app).spec.template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(METRICS_PORT),
        'prometheus.io/path': '/metrics',
      });
      // The Service is the callers' way in: it never names the metrics port
      const service = named(objects, 'Service', app)!;
      expect(service.spec.selector).toEqual(deployment(app).spec.selector.matchLabels);
      expect(service.spec.ports).toEqual([{ name: 'http', port: PORT, targetPort: 'http' }]);
    });

    it('has a disruption budget over its pods, and the APIs an autoscaler that keeps two', () => {
      const selector = deployment(app).spec.selector;
      expect(named(objects, 'PodDisruptionBudget', app)?.spec.selector).toEqual(selector);
      const hpa = named(objects, 'HorizontalPodAutoscaler', app);
      if (apis.includes(app)) {
        expect(hpa?.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
        if (overlay === 'production') expect(hpa?.spec.minReplicas).toBeGreaterThanOrEqual(2);
      } else {
        expect(hpa).toBeUndefined();
      }
    });

    it('is let through its NetworkPolicy to each server its configuration names, and no further', () => {
      const config = configOf(app);
      const policy = named(objects, 'NetworkPolicy', app)!;
      expect(policy.spec.podSelector).toEqual(deployment(app).spec.selector);
      const egressPorts = new Set(
        (policy.spec.egress as { ports: { port: number }[] }[]).flatMap((rule) =>
          rule.ports.map((p) => p.port),
        ),
      );
      const needed = serverPortsOf(config);
      for (const [variable, port] of needed)
        expect({ variable, allowed: egressPorts.has(port) }).toEqual({ variable, allowed: true });
      expect(
        egressPorts.has(Number(new URL(String(config.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://x:4318')).port)),
      ).toBe(true);
      // Nothing beyond those (and 443 to the identity provider for the APIs, to receivers for webhooks).
      const expected = new Set([
        ...needed.values(),
        4318,
        ...(apis.includes(app) || app === 'webhooks' ? [443] : []),
      ]);
      expect([...egressPorts].sort()).toEqual([...expected].sort());
      // Callers (through the ingress controller) reach `http`; the monitoring namespace only `metrics`
      const ingress = policy.spec.ingress as {
        from: { namespaceSelector: { matchLabels: Record<string, string> } }[];
        ports: { port: string }[];
      }[];
      const reachedFrom = (namespace: string) =>
        ingress
          .filter((rule) =>
            rule.from.some(
              (peer) => peer.namespaceSelector?.matchLabels['kubernetes.io/metadata.name'] === namespace,
            ),
          )
          .flatMap((rule) => rule.ports.map((p) => p.port));
      expect(reachedFrom('monitoring')).toEqual(['metrics']);
      expect(new Set(ingress.flatMap((rule) => rule.ports.map((p) => p.port)))).toEqual(
        new Set(apis.includes(app) || app === 'webhooks' ? ['http', 'metrics'] : ['metrics']),
      );
    });
  });

  it("lets the runbooks' operation Jobs start: valid, with their Secrets, reaching only PostgreSQL and the event store", () => {
    const jobs = readdirSync(path.join(k8s, 'operations')).flatMap((file) =>
      yamlObjects(readFileSync(path.join(k8s, 'operations', file), 'utf8')),
    );
    expect(jobs.map((job) => job.metadata.name).sort()).toEqual([
      'multitrack-projections-rebuild',
      'multitrack-rewrap-personal-data',
    ]);
    const policy = named(objects, 'NetworkPolicy', 'multitrack-operations')!;
    const ports = policy.spec.egress.flatMap((rule: { ports: { port: number }[] }) =>
      rule.ports.map((p) => p.port),
    );
    const config = configOf('relay');
    expect(ports.sort()).toEqual([...serverPortsOf({ ...config, KAFKA_BROKERS: undefined }).values()].sort());
    for (const job of jobs) {
      expect(schemaProblems(job)).toEqual([]);
      expect(job.spec.template.metadata.labels).toMatchObject(policy.spec.podSelector.matchLabels);
      const container = job.spec.template.spec.containers[0] as Container;
      expect(container.args?.[0]).toMatch(/^(rewrap-personal-data|projections-rebuild)$/);
      expect(() => environmentOf(container, objects, secrets)).not.toThrow();
    }
  });

  it('runs one relay at a time, replacing it rather than rolling', () => {
    expect(deployment('relay').spec).toMatchObject({ replicas: 1, strategy: { type: 'Recreate' } });
  });
});
