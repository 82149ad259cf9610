import { z } from 'zod';
import { decimalToMinor, isDomainError } from '@multitrack/domain';

/**
 * The variables shared by the apps, in groups; an app spreads the groups it needs into one
 * `z.object({...})` and adds its own. docs/configuration.md lists them all.
 */
const port = z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535);
const positiveInt = (message: string) => z.coerce.number({ message }).int({ message }).positive({ message });
const trueOrFalse = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform((value) => value === 'true');
const base64 = (what: string) => z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, `must be ${what} in base64`);

export const httpVariables = {
  PORT: port.default(3000),
  /** 0.0.0.0 in containers; 127.0.0.1 to keep a development server private. */
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Per principal and minute; 0 turns limiting off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: 'must be a whole number' }).int().min(0).default(6000),
  /** At most this many of them in any one second; default twice the minute's rate, at least 10. */
  RATE_LIMIT_BURST_PER_SECOND: z.coerce.number({ message: 'must be a whole number' }).int().min(1).optional(),
  /** redis:// URL: rate-limit counters shared by every replica; unset, each process counts alone. */
  RATE_LIMIT_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** How long a 429 is held before it is sent (never past Retry-After); 0 answers at once. */
  RATE_LIMIT_HOLD_MS: z.coerce
    .number({ message: 'must be a whole number of milliseconds' })
    .int()
    .min(0)
    .max(60_000)
    .default(1000),
  /**
   * Behind a reverse proxy or load balancer: take the client's address from X-Forwarded-For (rate
   * limits by address, access log). Off by default: a client could forge the header.
   */
  TRUST_PROXY: trueOrFalse.default('false'),
  /**
   * GET /metrics on a listener of its own at this port, and never on PORT (decision 0186). Unset,
   * /metrics is not served at all unless METRICS_PUBLIC=true.
   */
  METRICS_PORT: port.optional(),
  /** Where the metrics listener binds; unset: HOST. */
  METRICS_HOST: z.string().optional(),
  /** Without METRICS_PORT: serve /metrics on PORT to anyone (a development convenience). */
  METRICS_PUBLIC: trueOrFalse.default('false'),
};

/** A dotted claim path such as `realm_access.roles` (or a namespaced claim's whole name). */
const claimPath = z
  .string()
  .regex(/^[^\s]+$/, 'must be a claim name or a dotted path such as realm_access.roles');

/**
 * Which combinations are valid (one mode; issuer and audience with a JWKS) is checked by libs/auth
 * at start, which also owns the defaults of the optional ones below (`DEFAULT_*` in auth-options).
 */
export const authVariables = {
  AUTH_JWT_SECRET: z.string().optional(),
  AUTH_JWKS_URL: z.string().url('must be an absolute URL').optional(),
  /** Required with AUTH_JWKS_URL. */
  AUTH_ISSUER: z.string().optional(),
  /** Required with AUTH_JWKS_URL. */
  AUTH_AUDIENCE: z.string().optional(),
  /** Only tests on the loopback: an http:// JWKS could be swapped on the way. */
  AUTH_ALLOW_HTTP_JWKS: trueOrFalse.optional(),
  /** Tokens issued longer ago than this are refused whatever their exp (needs iat). */
  AUTH_MAX_TOKEN_AGE_S: positiveInt('must be a positive whole number of seconds').optional(),
  AUTH_ROLES_CLAIM: claimPath.optional(),
  AUTH_ORG_CLAIM: claimPath.optional(),
  /** Least time between two JWKS fetches that an unknown kid triggers. */
  AUTH_JWKS_COOLDOWN_S: positiveInt('must be a positive whole number of seconds').optional(),
};

export const idempotencyVariables = {
  /** How long an Idempotency-Key and its first answer are kept; after that the key runs again. */
  IDEMPOTENCY_RETENTION_HOURS: positiveInt('must be a positive whole number of hours')
    .max(24 * 365)
    .default(24),
};

export const documentVariables = {
  /** Largest document `POST /v1/documents` takes (bytes); larger is a 413. */
  DOCUMENT_MAX_BYTES: positiveInt('must be a positive whole number of bytes')
    .max(1024 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  /** An upload attached to nothing for this long is removed. */
  DOCUMENT_UNATTACHED_RETENTION_HOURS: positiveInt('must be a positive whole number of hours')
    .max(24 * 365)
    .default(24),
};

export const storageVariables = {
  /** PostgreSQL server for read models (and events with EVENT_STORE=postgres); unset: embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  EVENT_STORE: z.enum(['pglite', 'postgres', 'eventstoredb']).default('pglite'),
  EVENTSTORE_CONNECTION_STRING: z
    .string()
    .regex(/^(esdb|kurrentdb)(\+discover)?:\/\//, 'must be an esdb:// connection string')
    .optional(),
};

export const kafkaVariables = {
  /** Comma-separated host:port list; unset: the in-process bus. */
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be a comma-separated list of host:port')
    .transform((value) => value.split(','))
    .optional(),
  KAFKA_PARTITIONS: positiveInt('must be a positive whole number').default(6),
  /** Prepended to every topic and consumer group name (one cluster, several environments). */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"')
    .default(''),
};

export const disbursementVariables = {
  /** In the match currency's major units, as on the wire. */
  DISBURSEMENT_APPROVAL_THRESHOLD: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a decimal amount such as 100000.00')
    // Three minor digits is the most ISO 4217 has (KWD): what fits there fits in every currency.
    .refine(
      (threshold) => !isDomainError(decimalToMinor(`${threshold.replace(/\..*$/, '')}.999`, 'KWD')),
      'is larger than the ledger can hold',
    )
    .default('100000.00'),
  DISBURSEMENT_APPROVAL_WINDOW_DAYS: positiveInt('must be a positive whole number of days').default(30),
  /** Who may approve a tranche (API.md, "Approval authority"); decision 0210. */
  DISBURSEMENT_APPROVAL_AUTHORITY: z
    .enum(['recorded', 'any-officer'], { message: 'must be recorded or any-officer' })
    .default('any-officer'),
};

export const auditVariables = {
  /** base64 PKCS#8 Ed25519 private key; unset: generated once and kept. */
  AUDIT_SIGNING_KEY: base64('a PKCS#8 Ed25519 private key').optional(),
  /** `name=base64key,name=base64key`; kept as the string that transparency-log's `parseWitnessKeys` reads. */
  AUDIT_WITNESS_KEYS: z
    .string()
    .regex(
      /^[^=,\s]+=[A-Za-z0-9+/]+={0,2}(,[^=,\s]+=[A-Za-z0-9+/]+={0,2})*$/,
      'must be name=base64key, comma-separated',
    )
    .optional(),
  AUDIT_CHECKPOINT_INTERVAL_S: positiveInt('must be a positive whole number of seconds').default(10),
};

export const personalDataVariables = {
  /** Wraps the per-subject keys; base64 of 32 bytes. */
  PERSONAL_DATA_MASTER_KEY: base64('32 random bytes')
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64')
    .optional(),
};

/**
 * Rules between variables, which a zod object of one app cannot say once for all: `parseConfig`
 * checks them on every configuration that has the variables, so a contradiction refuses the start
 * before anything is opened.
 */
export const problemsAcrossVariables = (
  config: Record<string, unknown>,
): { variable: string; reason: string }[] => {
  const problems: { variable: string; reason: string }[] = [];
  if (config.METRICS_PORT !== undefined && config.METRICS_PUBLIC === true)
    problems.push({
      variable: 'METRICS_PUBLIC',
      reason: 'must not be true with METRICS_PORT set (/metrics is served there only)',
    });
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT !== 0 && config.METRICS_PORT === config.PORT)
    problems.push({ variable: 'METRICS_PORT', reason: `must differ from PORT (${String(config.PORT)})` });
  return problems;
};

/** What `createHttpApp` itself reads. */
export const httpAppConfig = z.object({ ...httpVariables, ...authVariables });
export type HttpAppConfig = z.output<typeof httpAppConfig>;
