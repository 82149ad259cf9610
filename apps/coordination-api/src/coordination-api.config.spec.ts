import { parseConfig } from '@multitrack/platform';
import { coordinationApiConfig, coordinationSettingsOf } from './coordination-api.config';

const key = Buffer.alloc(32, 7).toString('base64');

describe('coordinationApiConfig', () => {
  it('defaults to the PostgreSQL server for events and read models, on port 3000', () =>
    expect(parseConfig(coordinationApiConfig, { PERSONAL_DATA_MASTER_KEY: key })).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/multitrack',
      EVENT_STORE: 'postgres',
      RATE_LIMIT_PER_MINUTE: 6000,
      DISBURSEMENT_APPROVAL_THRESHOLD: '100000.00',
      DISBURSEMENT_APPROVAL_AUTHORITY: 'any-officer',
    }));

  it('refuses an approval authority mode it does not know, naming the variable', () =>
    expect(() =>
      parseConfig(coordinationApiConfig, {
        PERSONAL_DATA_MASTER_KEY: key,
        DISBURSEMENT_APPROVAL_AUTHORITY: 'anyone',
      }),
    ).toThrow('DISBURSEMENT_APPROVAL_AUTHORITY must be recorded or any-officer'));

  it('requires the personal-data master key', () =>
    expect(() => parseConfig(coordinationApiConfig, {})).toThrow('PERSONAL_DATA_MASTER_KEY is required'));

  it('requires a connection string for EventStoreDB', () =>
    expect(() =>
      parseConfig(coordinationApiConfig, { PERSONAL_DATA_MASTER_KEY: key, EVENT_STORE: 'eventstoredb' }),
    ).toThrow('EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb'));

  it('refuses the embedded store: this service runs on the real stack', () =>
    expect(() =>
      parseConfig(coordinationApiConfig, { PERSONAL_DATA_MASTER_KEY: key, EVENT_STORE: 'pglite' }),
    ).toThrow('EVENT_STORE'));
});

describe('coordinationSettingsOf', () => {
  const settings = (threshold: string) =>
    coordinationSettingsOf(
      {
        DISBURSEMENT_APPROVAL_THRESHOLD: threshold,
        DISBURSEMENT_APPROVAL_WINDOW_DAYS: 30,
        DISBURSEMENT_APPROVAL_AUTHORITY: 'recorded',
        IDEMPOTENCY_RETENTION_HOURS: 24,
        DOCUMENT_MAX_BYTES: 1024,
        DOCUMENT_UNATTACHED_RETENTION_HOURS: 24,
        DATA_DIR: './data',
      },
      new Uint8Array(32),
    );

  it('gives the approval threshold in each currency’s minor units, dropping decimals a currency has no room for', () => {
    const { disbursementPolicies } = settings('100000.50');
    expect(disbursementPolicies.in('USD')).toEqual({ approvalThreshold: 10_000_050n, windowDays: 30 });
    expect(disbursementPolicies.in('KWD')).toEqual({ approvalThreshold: 100_000_500n, windowDays: 30 });
    expect(disbursementPolicies.in('JPY')).toEqual({ approvalThreshold: 100_000n, windowDays: 30 });
    expect(disbursementPolicies.authority).toBe('recorded');
  });

  it('refuses at start a threshold the ledger cannot hold', () =>
    expect(() =>
      parseConfig(coordinationApiConfig, {
        PERSONAL_DATA_MASTER_KEY: key,
        DISBURSEMENT_APPROVAL_THRESHOLD: '9'.repeat(20),
      }),
    ).toThrow('DISBURSEMENT_APPROVAL_THRESHOLD is larger than the ledger can hold'));
});
