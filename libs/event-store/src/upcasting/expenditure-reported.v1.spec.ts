import { EventMetadata } from '../event-store.port';
import { expenditureReportedV1 } from './expenditure-reported.v1';
import { createUpcasting } from './upcaster';
import { currentSchemaVersion } from './index';

const metadata = (schemaVersion: number): EventMetadata => ({
  actor: { sub: 'ngo-user', roles: ['ngo'], organizationId: 'GB-CHC-1' },
  correlationId: 'c',
  occurredAt: '2024-01-01T00:00:00.000Z',
  schemaVersion,
});
const upcast = createUpcasting([expenditureReportedV1]);
const data = { matchId: 'm1', amount: { amount: '10.00', currency: 'USD' }, description: 'venue' };
const stored = (eventId: string, extra: Record<string, unknown> = {}, schemaVersion = 1) => ({
  eventId,
  type: 'ExpenditureReported',
  data: { ...data, ...extra } as Record<string, unknown>,
  metadata: metadata(schemaVersion),
  streamId: 'match-m1',
  revision: 3,
});

describe('ExpenditureReported schema version 1 (before reviewed reports)', () => {
  it('becomes version 2 named by its own event id, the same on every read', () => {
    const old = stored('0b6e3f2a-58a4-4d3b-9a53-2f2f7c7c0001');
    expect(upcast(old)).toEqual({
      ...old,
      data: { ...data, reportId: '0b6e3f2a-58a4-4d3b-9a53-2f2f7c7c0001' },
      metadata: metadata(2),
    });
    expect(upcast(old)).toEqual(upcast({ ...old }));
  });

  it('gives two old reports of one match two ids', () =>
    expect(upcast(stored('e-1')).data.reportId).not.toBe(upcast(stored('e-2')).data.reportId));

  it('keeps a report id a version 1 event already had', () =>
    expect(upcast(stored('e-1', { reportId: 'rep-7' })).data.reportId).toBe('rep-7'));

  it('leaves version 2 untouched, and new events are written as version 2', () => {
    const v2 = stored('e-1', { reportId: 'rep-1' }, 2);
    expect(upcast(v2)).toBe(v2);
    expect(currentSchemaVersion('ExpenditureReported')).toBe(2);
  });

  it('refuses to guess an id for an event read without its event id', () =>
    expect(() => upcast({ type: 'ExpenditureReported', data, metadata: metadata(1) })).toThrow('event id'));
});
