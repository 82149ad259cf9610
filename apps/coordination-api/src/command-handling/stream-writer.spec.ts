import { SpanStatusCode } from '@opentelemetry/api';
import type { Actor } from '@multitrack/auth';
import { seesOrganization, type OrganizationEvent } from '@multitrack/domain';
import {
  ConcurrencyError,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  type StreamAppend,
} from '@multitrack/event-store';
import { recordSpans, type SpanRecorder } from '@multitrack/platform';
import type { CommandContext } from './command-context';
import type { StreamRead } from './stream-reader';
import { StreamWriter, type CommandSpec } from './stream-writer';
import { PreconditionFailed, RetriesExhausted } from './write-conflicts';

/**
 * Just enough of a store for the writer's own logic: streams in memory, the all-or-none rule of
 * `appendToStreams`, and a hook that lets "another writer" append just before an append of ours.
 */
const memoryStore = () => {
  const streams = new Map<string, RecordedEvent[]>();
  let position = 0;
  let interleave: (() => void) | undefined;
  const write = (streamId: string, events: NewEvent[]) => {
    const stream = streams.get(streamId) ?? [];
    for (const event of events) {
      stream.push({
        ...event,
        eventId: `e${position}`,
        streamId,
        revision: stream.length,
        position: ++position,
      } as RecordedEvent);
    }
    streams.set(streamId, stream);
    return { nextRevision: stream.length - 1, position };
  };
  const store = {
    readStream: async (streamId: string) => [...(streams.get(streamId) ?? [])],
    appendToStreams: async (appends: StreamAppend[]): Promise<AppendResult[]> => {
      const before = interleave;
      interleave = undefined;
      before?.();
      for (const { streamId, expectedRevision } of appends) {
        const actual = streams.has(streamId) ? streams.get(streamId)!.length - 1 : 'no_stream';
        if (actual !== expectedRevision) throw new ConcurrencyError(streamId, expectedRevision, actual);
      }
      return appends.map(({ streamId, events }) => write(streamId, events));
    },
  } as unknown as EventStore;
  return {
    store,
    write,
    types: (streamId: string) => (streams.get(streamId) ?? []).map((event) => event.type),
    /** Runs `other` right before the next append reaches the store, as a concurrent writer would. */
    beforeNextAppend: (other: () => void) => (interleave = other),
    appendCalls: () => position,
  };
};

/** The store, and every event appended through it. */
const recordingAppends = (store: EventStore) => {
  const recorded: NewEvent[] = [];
  const appendToStreams = async (appends: StreamAppend[]) => {
    recorded.push(...appends.flatMap((append) => append.events));
    return store.appendToStreams(appends);
  };
  return { spy: { ...store, appendToStreams } as EventStore, recorded };
};

const officer: Actor = { sub: 'officer-1', roles: ['officer'] };
const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: officer,
  correlationId: 'c-1',
  now: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const metadata = {
  actor: officer,
  correlationId: 'c-0',
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
};
/** An event of any type; the organisation decider ignores types it does not know (`NoteTaken`). */
const event = (type: OrganizationEvent['type'] | 'NoteTaken', data: Record<string, unknown>): NewEvent => ({
  type,
  data,
  metadata,
});
const registered = event('OrganizationRegistered', {
  organizationId: 'GB-CHC-1',
  name: 'Peace Works',
  country: 'GB',
  tracks: [2],
  contactEmail: 'pd:v1:x',
});
const vetted = event('OrganizationVetted', { organizationId: 'GB-CHC-1', note: 'ok', vettedBy: 'officer-0' });

/** Given a pending organisation, when an officer vets it. */
const vetting = {
  category: 'organization' as const,
  id: 'GB-CHC-1',
  command: () => ({ type: 'VetOrganization' as const, data: { decision: 'approved' as const, note: 'ok' } }),
};
const suspension = {
  category: 'organization' as const,
  id: 'GB-CHC-1',
  command: () => ({ type: 'SuspendOrganization' as const, data: { reason: 'audit' } }),
};

describe('StreamWriter', () => {
  it('decides against the stream and appends at the revision it read', async () => {
    const { store, write, types } = memoryStore();
    write('organization-GB-CHC-1', [registered]);

    const outcome = await new StreamWriter(store).decide(vetting, context());

    expect(outcome).toMatchObject({ revision: 1, events: [{ type: 'OrganizationVetted' }] });
    expect(types('organization-GB-CHC-1')).toEqual(['OrganizationRegistered', 'OrganizationVetted']);
  });

  it('re-decides after a clash, against what the other writer recorded', async () => {
    const { store, write, types, beforeNextAppend } = memoryStore();
    write('organization-GB-CHC-1', [registered, vetted]);
    const suspended = event('OrganizationSuspended', { organizationId: 'GB-CHC-1', reason: 'x' });
    const reinstated = event('OrganizationReinstated', { organizationId: 'GB-CHC-1', reason: 'y' });
    beforeNextAppend(() => write('organization-GB-CHC-1', [suspended, reinstated]));

    const outcome = await new StreamWriter(store).decide(suspension, context());

    expect(outcome).toMatchObject({ revision: 4, state: { status: 'vetted' } });
    expect(types('organization-GB-CHC-1')).toEqual([
      'OrganizationRegistered',
      'OrganizationVetted',
      'OrganizationSuspended',
      'OrganizationReinstated',
      'OrganizationSuspended',
    ]);
  });

  it('gives the business rule’s refusal, not a clash, when the re-decided command no longer fits', async () => {
    const { store, write, types, beforeNextAppend } = memoryStore();
    write('organization-GB-CHC-1', [registered]);
    beforeNextAppend(() => write('organization-GB-CHC-1', [vetted]));

    const outcome = await new StreamWriter(store).decide(vetting, context());

    expect(outcome).toMatchObject({ kind: 'DomainError', rule: 'organization.not-awaiting-vetting' });
    expect(types('organization-GB-CHC-1')).toEqual(['OrganizationRegistered', 'OrganizationVetted']);
  });

  it('refuses a stale If-Match with a precondition failure naming the current revision, and writes nothing', async () => {
    const { store, write, types } = memoryStore();
    write('organization-GB-CHC-1', [registered, vetted]);

    const attempt = new StreamWriter(store).decide(suspension, context({ ifMatch: 0 }));

    await expect(attempt).rejects.toEqual(new PreconditionFailed('organization-GB-CHC-1', 0, 1));
    expect(types('organization-GB-CHC-1')).toHaveLength(2);
  });

  it('turns a clash under If-Match into a precondition failure instead of re-deciding', async () => {
    const { store, write, beforeNextAppend } = memoryStore();
    write('organization-GB-CHC-1', [registered, vetted]);
    beforeNextAppend(() =>
      write('organization-GB-CHC-1', [
        event('OrganizationSuspended', { organizationId: 'GB-CHC-1', reason: 'x' }),
      ]),
    );

    const attempt = new StreamWriter(store).decide(
      { ...suspension, command: () => ({ type: 'SuspendOrganization' as const, data: { reason: 'audit' } }) },
      context({ ifMatch: 1 }),
    );

    await expect(attempt).rejects.toBeInstanceOf(PreconditionFailed);
  });

  it('judges visibility before If-Match, so a stale revision tells a hidden caller nothing', async () => {
    const { store, write } = memoryStore();
    write('organization-GB-CHC-1', [registered]);
    const hidden = {
      ...suspension,
      visibleTo: (_: unknown, actor: Actor) => seesOrganization(actor, 'FR-RNA-2'),
    };
    const ngo: Actor = { sub: 'ngo-1', roles: ['ngo'], organizationId: 'FR-RNA-1' };

    const outcome = await new StreamWriter(store).decide(hidden, context({ actor: ngo, ifMatch: 999 }));

    expect(outcome).toMatchObject({ kind: 'DomainError', rule: 'organization.not-found' });
  });

  it('answers a stream that does not exist as not found, whatever the If-Match', async () => {
    const { store } = memoryStore();
    expect(await new StreamWriter(store).decide(suspension, context({ ifMatch: 3 }))).toMatchObject({
      rule: 'organization.not-found',
    });
  });

  it('gives up with RetriesExhausted when the stream keeps changing under every attempt', async () => {
    const { store, write, beforeNextAppend } = memoryStore();
    write('organization-GB-CHC-1', [registered, vetted]);
    const crowd = () => {
      write('organization-GB-CHC-1', [event('NoteTaken', {})]);
      beforeNextAppend(crowd);
    };
    beforeNextAppend(crowd);

    await expect(new StreamWriter(store).decide(suspension, context())).rejects.toBeInstanceOf(
      RetriesExhausted,
    );
  });

  it('answers a replay of a keyed command from what it recorded, appending nothing, even under a now-stale If-Match', async () => {
    const { store, write, types } = memoryStore();
    write('organization-GB-CHC-1', [registered, vetted]);
    const keyed = context({ idempotencyKey: 'key-1' });
    const first = await new StreamWriter(store).decide(suspension, { ...keyed, ifMatch: 1 });
    write('organization-GB-CHC-1', [
      event('OrganizationReinstated', { organizationId: 'GB-CHC-1', reason: 'r' }),
    ]);

    const replay = await new StreamWriter(store).decide(suspension, { ...keyed, ifMatch: 1 });

    expect(replay).toEqual(first);
    expect(types('organization-GB-CHC-1')).toEqual([
      'OrganizationRegistered',
      'OrganizationVetted',
      'OrganizationSuspended',
      'OrganizationReinstated',
    ]);
  });

  it('answers a PATCH-like replay with the first decision even when its body differs (the key is the command)', async () => {
    const { store, write, types } = memoryStore();
    write('organization-GB-CHC-1', [registered, vetted]);
    const keyed = context({ idempotencyKey: 'key-2' });
    await new StreamWriter(store).decide(suspension, keyed);

    const again = await new StreamWriter(store).decide(
      {
        ...suspension,
        command: () => ({ type: 'SuspendOrganization' as const, data: { reason: 'another reason' } }),
      },
      keyed,
    );

    expect(again).toMatchObject({ events: [{ type: 'OrganizationSuspended', data: { reason: 'audit' } }] });
    expect(types('organization-GB-CHC-1')).toHaveLength(3);
  });

  describe('a command that writes several streams', () => {
    /** Suspends two organisations at once: the second one alongside the first. */
    const suspendingBoth = (second: 'SuspendOrganization' | 'VetOrganization' = 'SuspendOrganization') =>
      ({
        category: 'organization',
        id: 'GB-CHC-1',
        facts: (_, streams) => streams.read('organization', 'GB-CHC-2'),
        command: () => ({ type: 'SuspendOrganization', data: { reason: 'audit' } }),
        alongside: (_, other) => [
          {
            read: other,
            command:
              second === 'SuspendOrganization'
                ? { type: 'SuspendOrganization', data: { reason: 'audit' } }
                : { type: 'VetOrganization', data: { decision: 'approved', note: 'x' } },
          },
        ],
      }) satisfies CommandSpec<'organization', StreamRead<'organization'>>;

    it('appends every stream it decided on, or — when one of them refuses — none', async () => {
      const { store, write, types } = memoryStore();
      write('organization-GB-CHC-1', [registered, vetted]);
      write('organization-GB-CHC-2', [registered, vetted]);

      const refused = await new StreamWriter(store).decide(suspendingBoth('VetOrganization'), context());
      const written = await new StreamWriter(store).decide(suspendingBoth(), context());

      expect(refused).toMatchObject({ rule: 'organization.not-awaiting-vetting' });
      expect(written).toMatchObject({ revision: 2 });
      expect(types('organization-GB-CHC-1')).toEqual([
        'OrganizationRegistered',
        'OrganizationVetted',
        'OrganizationSuspended',
      ]);
      expect(types('organization-GB-CHC-2')).toEqual([
        'OrganizationRegistered',
        'OrganizationVetted',
        'OrganizationSuspended',
      ]);
    });

    it('re-decides when the other stream changed, even under If-Match on its own', async () => {
      const { store, write, types, beforeNextAppend } = memoryStore();
      write('organization-GB-CHC-1', [registered, vetted]);
      write('organization-GB-CHC-2', [registered, vetted]);
      beforeNextAppend(() => write('organization-GB-CHC-2', [event('NoteTaken', {})]));

      const outcome = await new StreamWriter(store).decide(suspendingBoth(), context({ ifMatch: 1 }));

      expect(outcome).toMatchObject({ revision: 2 });
      expect(types('organization-GB-CHC-2')).toEqual([
        'OrganizationRegistered',
        'OrganizationVetted',
        'NoteTaken',
        'OrganizationSuspended',
      ]);
    });
  });

  describe('traced', () => {
    let recorder: SpanRecorder;
    beforeEach(() => (recorder = recordSpans()));
    afterEach(() => recorder.stop());

    const callersTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const traceparent = `00-${callersTrace}-00f067aa0ba902b7-01`;

    it('names the span after the command, continues the caller’s trace and writes the span into the events', async () => {
      const { store, write } = memoryStore();
      write('organization-GB-CHC-1', [registered]);
      const { spy, recorded } = recordingAppends(store);

      await new StreamWriter(spy).decide(vetting, context({ traceparent }));

      const span = recorder.spans().find((candidate) => candidate.name === 'VetOrganization')!;
      expect(span.spanContext().traceId).toBe(callersTrace);
      expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
      expect(recorded[0].metadata.traceparent).toBe(`00-${callersTrace}-${span.spanContext().spanId}-01`);
      expect(span.attributes).toMatchObject({
        'multitrack.stream_id': 'organization-GB-CHC-1',
        'multitrack.revision': 1,
      });
    });

    it('records each append attempt under the command, a clash as a failed one', async () => {
      const { store, write, beforeNextAppend } = memoryStore();
      write('organization-GB-CHC-1', [registered]);
      beforeNextAppend(() => write('organization-GB-CHC-1', [event('NoteTaken', {})]));

      await new StreamWriter(store).decide(vetting, context({ traceparent }));

      const command = recorder.spans().find((candidate) => candidate.name === 'VetOrganization')!;
      const appends = recorder.spans().filter((candidate) => candidate.name === 'event-store append');
      expect(appends.map((append) => append.parentSpanContext?.spanId)).toEqual([
        command.spanContext().spanId,
        command.spanContext().spanId,
      ]);
      expect(appends.map((append) => append.status.code)).toEqual([
        SpanStatusCode.ERROR,
        SpanStatusCode.UNSET,
      ]);
      expect(command.attributes).toMatchObject({ 'multitrack.retries': 1 });
    });
  });

  it('passes the caller’s traceparent on unchanged when no tracing SDK is registered', async () => {
    const { store, write } = memoryStore();
    write('organization-GB-CHC-1', [registered]);
    const { spy, recorded } = recordingAppends(store);
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    await new StreamWriter(spy).decide(vetting, context({ traceparent }));

    expect(recorded[0].metadata.traceparent).toBe(traceparent);
  });
});
