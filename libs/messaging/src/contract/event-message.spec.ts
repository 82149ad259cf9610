import type { RecordedEvent } from '@multitrack/event-store';
import { parseEnvelope } from './event-envelope';
import { toMessage } from './event-message';

const event = (streamId: string, traceparent?: string): RecordedEvent => ({
  eventId: '3f6c1b0e-5d1a-4f2e-9a57-8e2b1c0d9f11',
  type: 'FundsCommitted',
  data: { matchId: 'm1', amount: { amount: '250000.00', currency: 'USD' } },
  metadata: {
    actor: { sub: 'o', roles: ['officer'] },
    correlationId: 'c',
    occurredAt: '2026-12-01T00:00:00.000Z',
    schemaVersion: 1,
    ...(traceparent ? { traceparent } : {}),
  },
  streamId,
  revision: 3,
  position: 42,
  checkpoint: '42',
  recordedAt: new Date('2026-12-01T10:00:00.123Z'),
  hash: 'a'.repeat(64),
  prevHash: 'b'.repeat(64),
});

describe('an event as a Kafka message', () => {
  it('goes to its category topic, keyed by its stream, with CloudEvents headers', () => {
    expect(toMessage(event('match-m1'))).toEqual({
      topic: 'multitrack.matches.v1',
      key: 'match-m1',
      value: expect.any(String),
      headers: {
        ce_specversion: '1.0',
        ce_id: '3f6c1b0e-5d1a-4f2e-9a57-8e2b1c0d9f11',
        ce_type: 'FundsCommitted',
        ce_source: '/multitrack/event-store',
        ce_subject: 'match-m1',
        ce_time: '2026-12-01T10:00:00.123Z',
        'content-type': 'application/json',
        position: '42',
        revision: '3',
      },
    });
  });

  it('carries the whole envelope as its value, without the store-specific checkpoint', () => {
    const value = parseEnvelope(toMessage(event('match-m1')).value);
    expect(value).toEqual({
      eventId: '3f6c1b0e-5d1a-4f2e-9a57-8e2b1c0d9f11',
      type: 'FundsCommitted',
      data: { matchId: 'm1', amount: { amount: '250000.00', currency: 'USD' } },
      metadata: expect.objectContaining({ correlationId: 'c' }),
      streamId: 'match-m1',
      revision: 3,
      position: 42,
      recordedAt: '2026-12-01T10:00:00.123Z',
      hash: 'a'.repeat(64),
      prevHash: 'b'.repeat(64),
    });
  });

  it('carries the trace context of the command that caused it', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(toMessage(event('match-m1', traceparent)).headers.traceparent).toBe(traceparent);
  });

  it('sends organisation ids with dashes to the organisations topic, and unknown categories to the audit topic', () => {
    expect(toMessage(event('organization-US-EIN-123')).topic).toBe('multitrack.organizations.v1');
    expect(toMessage(event('audit-2026-12-01')).topic).toBe('multitrack.audit.v1');
    expect(toMessage(event('match-m1'), 'staging.').topic).toBe('staging.multitrack.matches.v1');
  });
});
