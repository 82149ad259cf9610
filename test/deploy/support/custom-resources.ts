import Ajv, { ValidateFunction } from 'ajv';

/**
 * The custom resources of the operators Multitrack depends on. Their CRDs are not available as
 * packages here, so these schemas are written from each operator's documented API for the fields
 * the manifests use: required fields and types, and no unknown field at any level written here
 * (a misspelt field fails). A server-side dry run against a cluster with the operators installed
 * checks the rest (deploy/README.md).
 */
type Schema = Record<string, unknown>;
const object = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const string: Schema = { type: 'string' };
const integer: Schema = { type: 'integer' };
const boolean: Schema = { type: 'boolean' };
const quantity: Schema = {
  anyOf: [{ type: 'string', pattern: '^[0-9.]+(m|Ki|Mi|Gi|Ti)?$' }, { type: 'number' }],
};
const resources = object({
  requests: { type: 'object', additionalProperties: quantity },
  limits: { type: 'object', additionalProperties: quantity },
});
const secretKey = object({ name: string, key: string }, ['name', 'key']);
const metadata: Schema = { type: 'object', required: ['name'], properties: { name: string } };
const resource = (apiVersion: string, kind: string, spec: Schema): Schema =>
  object({ apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, spec }, [
    'apiVersion',
    'kind',
    'metadata',
    'spec',
  ]);

const schemas: Record<string, Schema> = {
  // Strimzi 0.48+
  'kafka.strimzi.io/v1beta2/KafkaNodePool': resource(
    'kafka.strimzi.io/v1beta2',
    'KafkaNodePool',
    object(
      {
        replicas: { type: 'integer', minimum: 1 },
        roles: { type: 'array', items: { enum: ['controller', 'broker'] }, minItems: 1 },
        storage: object(
          {
            type: { enum: ['jbod', 'persistent-claim', 'ephemeral'] },
            volumes: {
              type: 'array',
              items: object(
                {
                  id: integer,
                  type: { enum: ['persistent-claim', 'ephemeral'] },
                  size: string,
                  deleteClaim: boolean,
                  kraftMetadata: { enum: ['shared'] },
                  class: string,
                },
                ['id', 'type'],
              ),
            },
          },
          ['type'],
        ),
        resources,
      },
      ['replicas', 'roles', 'storage'],
    ),
  ),
  'kafka.strimzi.io/v1beta2/Kafka': resource(
    'kafka.strimzi.io/v1beta2',
    'Kafka',
    object(
      {
        kafka: object(
          {
            version: { type: 'string', pattern: '^4\\.' },
            listeners: {
              type: 'array',
              minItems: 1,
              items: object(
                {
                  name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' },
                  port: integer,
                  type: { enum: ['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'] },
                  tls: boolean,
                },
                ['name', 'port', 'type', 'tls'],
              ),
            },
            config: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
          },
          ['listeners'],
        ),
        entityOperator: object({ topicOperator: { type: 'object' }, userOperator: { type: 'object' } }),
      },
      ['kafka'],
    ),
  ),
  // CloudNativePG 1.25+
  'postgresql.cnpg.io/v1/Cluster': resource(
    'postgresql.cnpg.io/v1',
    'Cluster',
    object(
      {
        instances: { type: 'integer', minimum: 1 },
        imageName: string,
        primaryUpdateStrategy: { enum: ['unsupervised', 'supervised'] },
        minSyncReplicas: integer,
        maxSyncReplicas: integer,
        bootstrap: object({ initdb: object({ database: string, owner: string }, ['database', 'owner']) }),
        postgresql: object({ parameters: { type: 'object', additionalProperties: string } }),
        storage: object({ size: string, storageClass: string }, ['size']),
        resources,
        backup: object({
          retentionPolicy: { type: 'string', pattern: '^[1-9][0-9]*[dwm]$' },
          barmanObjectStore: object(
            {
              destinationPath: string,
              s3Credentials: object({ accessKeyId: secretKey, secretAccessKey: secretKey }, [
                'accessKeyId',
                'secretAccessKey',
              ]),
              wal: object({ compression: { enum: ['gzip', 'bzip2', 'snappy'] } }),
            },
            ['destinationPath'],
          ),
        }),
      },
      ['instances', 'storage'],
    ),
  ),
  'postgresql.cnpg.io/v1/ScheduledBackup': resource(
    'postgresql.cnpg.io/v1',
    'ScheduledBackup',
    object(
      {
        // Six fields: CloudNativePG's schedule has seconds first.
        schedule: { type: 'string', pattern: '^(\\S+\\s+){5}\\S+$' },
        backupOwnerReference: { enum: ['none', 'self', 'cluster'] },
        cluster: object({ name: string }, ['name']),
      },
      ['schedule', 'cluster'],
    ),
  ),
  // cert-manager 1.x
  'cert-manager.io/v1/Issuer': resource(
    'cert-manager.io/v1',
    'Issuer',
    object({ selfSigned: object({}), ca: object({ secretName: string }, ['secretName']) }),
  ),
  'cert-manager.io/v1/Certificate': resource(
    'cert-manager.io/v1',
    'Certificate',
    object(
      {
        secretName: string,
        isCA: boolean,
        commonName: string,
        duration: { type: 'string', pattern: '^[0-9]+h$' },
        usages: {
          type: 'array',
          items: {
            enum: ['client auth', 'server auth', 'digital signature', 'key encipherment', 'cert sign'],
          },
        },
        dnsNames: { type: 'array', items: string },
        privateKey: object({
          algorithm: { enum: ['RSA', 'ECDSA', 'Ed25519'] },
          encoding: { enum: ['PKCS1', 'PKCS8'] },
          size: integer,
        }),
        issuerRef: object({ name: string, kind: { enum: ['Issuer', 'ClusterIssuer'] } }, ['name']),
      },
      ['secretName', 'issuerRef'],
    ),
  ),
  // KurrentDB operator 1.4+
  'kubernetes.kurrent.io/v1/KurrentDB': resource(
    'kubernetes.kurrent.io/v1',
    'KurrentDB',
    object(
      {
        replicas: { enum: [1, 3, 5] },
        image: string,
        resources,
        storage: object(
          {
            volumeMode: { enum: ['Filesystem', 'Block'] },
            accessModes: { type: 'array', items: string },
            resources: object({ requests: object({ storage: string }, ['storage']) }, ['requests']),
          },
          ['resources'],
        ),
        network: object(
          {
            domain: string,
            loadBalancer: object({ enabled: boolean }),
            fqdnTemplate: string,
            internodeTrafficStrategy: { enum: ['ServiceName', 'FQDN', 'SplitDNS'] },
            clientTrafficStrategy: { enum: ['ServiceName', 'FQDN'] },
          },
          ['domain'],
        ),
        security: object({
          certificateReservedNodeCommonName: string,
          certificateAuthoritySecret: object({ name: string, keyName: string }, ['name']),
          certificateSecret: object({ name: string, keyName: string, privateKeyName: string }, ['name']),
        }),
      },
      ['replicas', 'image', 'storage', 'network'],
    ),
  ),
};

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new Map<string, ValidateFunction>(
  Object.entries(schemas).map(([key, schema]) => [key, ajv.compile(schema)]),
);

export const isCustomResource = (apiVersion: string, kind: string): boolean =>
  validators.has(`${apiVersion}/${kind}`);

/** The problems with a custom resource, one line each; empty when it is valid. */
export const customResourceProblems = (object: { apiVersion: string; kind: string }): string[] => {
  const validate = validators.get(`${object.apiVersion}/${object.kind}`);
  if (!validate) return [`no schema for ${object.apiVersion} ${object.kind}`];
  return validate(object)
    ? []
    : (validate.errors ?? []).map(
        (error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`,
      );
};
