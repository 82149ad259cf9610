import { z } from 'zod';
import { ConfigError, loadConfig, parseConfig } from './load-config';
import {
  auditVariables,
  authVariables,
  disbursementVariables,
  httpVariables,
  kafkaVariables,
  storageVariables,
} from './variables';

const schema = z.object({
  ...httpVariables,
  ...storageVariables,
  ...kafkaVariables,
  ...disbursementVariables,
  ...auditVariables,
});

describe('parseConfig', () => {
  it('gives the documented defaults when nothing is set', () => {
    expect(parseConfig(schema, {})).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: 6000,
      DATA_DIR: './data',
      EVENT_STORE: 'pglite',
      DISBURSEMENT_APPROVAL_THRESHOLD: '100000.00',
      DISBURSEMENT_APPROVAL_WINDOW_DAYS: 30,
      AUDIT_CHECKPOINT_INTERVAL_S: 10,
    });
  });

  it('types and splits what is set', () => {
    const config = parseConfig(schema, {
      PORT: '8080',
      RATE_LIMIT_PER_MINUTE: '0',
      KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
      AUDIT_WITNESS_KEYS: 'alpha=AAAA,beta=BBB=',
    });
    expect(config.PORT).toBe(8080);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(0);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.AUDIT_WITNESS_KEYS).toBe('alpha=AAAA,beta=BBB=');
  });

  it('refuses a malformed witness list', () => {
    expect(() => parseConfig(schema, { AUDIT_WITNESS_KEYS: 'alpha' })).toThrow(
      'AUDIT_WITNESS_KEYS must be name=base64key, comma-separated',
    );
  });

  it('types the identity settings, and names a bad one', () => {
    const auth = z.object(authVariables);
    expect(
      parseConfig(auth, {
        AUTH_ALLOW_HTTP_JWKS: 'true',
        AUTH_MAX_TOKEN_AGE_S: '600',
        AUTH_ROLES_CLAIM: 'realm_access.roles',
      }),
    ).toMatchObject({
      AUTH_ALLOW_HTTP_JWKS: true,
      AUTH_MAX_TOKEN_AGE_S: 600,
      AUTH_ROLES_CLAIM: 'realm_access.roles',
    });
    expect(parseConfig(auth, {}).AUTH_ALLOW_HTTP_JWKS).toBeUndefined();
    expect(() => parseConfig(auth, { AUTH_ALLOW_HTTP_JWKS: 'yes' })).toThrow(
      'AUTH_ALLOW_HTTP_JWKS must be true or false',
    );
    expect(() => parseConfig(auth, { AUTH_ORG_CLAIM: 'my org' })).toThrow(
      'AUTH_ORG_CLAIM must be a claim name or a dotted path',
    );
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig(schema, { PORT: '' }).PORT).toBe(3000);
  });

  it('names every bad variable and why, in one line', () => {
    const error = (() => {
      try {
        parseConfig(schema, { PORT: 'eighty', KAFKA_PARTITIONS: '-1' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toBe(
      'invalid configuration: PORT must be a port number; KAFKA_PARTITIONS must be a positive whole number',
    );
    expect(error?.message).not.toContain('\n');
  });

  it('reports a required variable as required', () => {
    expect(() => parseConfig(z.object({ DATABASE_URL: z.string() }), {})).toThrow(
      'invalid configuration: DATABASE_URL is required',
    );
  });
});

describe('loadConfig', () => {
  it('prints one line and exits 1 on a bad variable', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exited');
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => loadConfig(schema, { LOG_LEVEL: 'loud' })).toThrow('exited');
      expect(exit).toHaveBeenCalledWith(1);
      expect(stderr).toHaveBeenCalledTimes(1);
      expect(String(stderr.mock.calls[0][0])).toMatch(/^invalid configuration: LOG_LEVEL .*\n$/);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
