import { KubernetesObject } from './kubernetes-manifests';

export type SecretValues = Map<string, Record<string, string>>;

/**
 * The Secrets a container may name: the overlay's example (what the operator creates by hand) and
 * those the operators make from custom resources in the same render, with the keys they document.
 */
export const availableSecrets = (example: KubernetesObject[], rendered: KubernetesObject[]): SecretValues => {
  const secrets: SecretValues = new Map();
  for (const secret of example.filter((object) => object.kind === 'Secret')) {
    const values = { ...secret.stringData };
    for (const [key, value] of Object.entries(secret.data ?? {}))
      values[key] = Buffer.from(value, 'base64').toString();
    secrets.set(secret.metadata.name, values);
  }
  for (const cluster of rendered.filter(
    (object) => object.kind === 'Cluster' && object.apiVersion === 'postgresql.cnpg.io/v1',
  )) {
    const { database, owner } = cluster.spec.bootstrap.initdb;
    const host = `${cluster.metadata.name}-rw.${cluster.metadata.namespace}`;
    // CloudNativePG's "<cluster>-app" Secret of the application owner.
    secrets.set(`${cluster.metadata.name}-app`, {
      username: owner,
      password: 'made-by-cloudnative-pg',
      host,
      port: '5432',
      dbname: database,
      uri: `postgresql://${owner}:made-by-cloudnative-pg@${host}:5432/${database}`,
    });
  }
  for (const certificate of rendered.filter(
    (object) => object.kind === 'Certificate' && object.apiVersion === 'cert-manager.io/v1',
  )) {
    secrets.set(certificate.spec.secretName, {
      'ca.crt': 'made-by-cert-manager',
      'tls.crt': 'made-by-cert-manager',
      'tls.key': 'made-by-cert-manager',
    });
  }
  return secrets;
};

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string };
  };
}

export interface Container {
  name: string;
  args?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** The environment the container starts with; throws naming a ConfigMap, Secret or key that does not exist. */
export const environmentOf = (
  container: Container,
  rendered: KubernetesObject[],
  secrets: SecretValues,
): Record<string, string> => {
  const configMap = (name: string) => {
    const found = rendered.find((object) => object.kind === 'ConfigMap' && object.metadata.name === name);
    if (!found) throw new Error(`ConfigMap ${name} does not exist`);
    return found.data ?? {};
  };
  const secret = (name: string) => {
    const found = secrets.get(name);
    if (!found)
      throw new Error(
        `Secret ${name} is neither in the overlay's secrets.example.yaml nor made by an operator`,
      );
    return found;
  };
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, configMap(source.configMapRef.name));
    if (source.secretRef) Object.assign(env, secret(source.secretRef.name));
  }
  for (const variable of container.env ?? []) {
    const fromSecret = variable.valueFrom?.secretKeyRef;
    const fromConfigMap = variable.valueFrom?.configMapKeyRef;
    if (fromSecret) {
      const value = secret(fromSecret.name)[fromSecret.key];
      if (value === undefined && !fromSecret.optional)
        throw new Error(`Secret ${fromSecret.name} has no key ${fromSecret.key} (${variable.name})`);
      if (value !== undefined) env[variable.name] = value;
    } else if (fromConfigMap) {
      const value = configMap(fromConfigMap.name)[fromConfigMap.key];
      if (value === undefined)
        throw new Error(`ConfigMap ${fromConfigMap.name} has no key ${fromConfigMap.key} (${variable.name})`);
      env[variable.name] = value;
    } else {
      env[variable.name] = variable.value ?? '';
    }
  }
  return env;
};
