import { parseConfig } from '@multitrack/platform';
import { coordinationApiConfig } from './coordination-api.config';

const key = Buffer.alloc(32, 7).toString('base64');

describe('coordinationApiConfig', () => {
  it('defaults to the PostgreSQL server for events and read models, on port 3000', () =>
    expect(parseConfig(coordinationApiConfig, { PERSONAL_DATA_MASTER_KEY: key })).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/multitrack',
      EVENT_STORE: 'postgres',
      RATE_LIMIT_PER_MINUTE: 6000,
      DISBURSEMENT_APPROVAL_THRESHOLD: '100000.00',
    }));

  it('requires the personal-data master key', () =>
    expect(() => parseConfig(coordinationApiConfig, {})).toThrow('PERSONAL_DATA_MASTER_KEY is required'));

  it('requires a connection string for EventStoreDB', () =>
    expect(() => parseConfig(coordinationApiConfig, { PERSONAL_DATA_MASTER_KEY: key, EVENT_STORE: 'eventstoredb' })).toThrow(
      'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb',
    ));

  it('refuses the embedded store: this service runs on the real stack', () =>
    expect(() => parseConfig(coordinationApiConfig, { PERSONAL_DATA_MASTER_KEY: key, EVENT_STORE: 'pglite' })).toThrow('EVENT_STORE'));
});
