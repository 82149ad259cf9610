import { SpanStatusCode } from '@opentelemetry/api';
import type { Command, Decider, Event } from '@multitrack/domain';
import { ConcurrencyError, type AppendResult, type EventStore, type NewEvent, type RecordedEvent } from '@multitrack/event-store';
import { recordSpans, type SpanRecorder } from '@multitrack/platform';
import { newCommandContext } from './command-context';
import { decideAndAppend } from './decide-and-append';

type Note = Command<'WriteNote', { text: string }>;
type Noted = Event<'NoteWritten', { text: string }>;

const notes: Decider<Note, Noted, number> = {
  initialState: 0,
  evolve: (count) => count + 1,
  decide: (command) => [{ type: 'NoteWritten', data: command.data }],
};

/** Just enough of a store: one stream in memory; the first `clashes` appends lose to another writer. */
const storeWith = (clashes = 0) => {
  const stored: NewEvent[] = [];
  let pendingClashes = clashes;
  const store = {
    readStream: async () => stored.map((event, revision) => ({ ...event, revision }) as unknown as RecordedEvent),
    appendToStream: async (_: string, events: NewEvent[]): Promise<AppendResult> => {
      if (pendingClashes-- > 0) {
        stored.push({ ...events[0], metadata: { ...events[0].metadata, traceparent: undefined } });
        throw new ConcurrencyError('note-1', stored.length - 2, stored.length - 1);
      }
      stored.push(...events);
      return { nextRevision: stored.length - 1, position: 100 + stored.length };
    },
  } as unknown as EventStore;
  return { store, stored };
};

const write = (store: EventStore, traceparent?: string) =>
  decideAndAppend({
    store,
    streamId: 'note-1',
    decider: notes,
    context: newCommandContext('WriteNote', { sub: 'officer-1', roles: ['officer'] }, traceparent ? { traceparent } : {}),
    command: () => ({ type: 'WriteNote', data: { text: 'hello' }, metadata: { actor: { sub: 'officer-1', roles: ['officer'] }, now: '2026-01-01T00:00:00.000Z' } }),
  });

const callersTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
const callersTraceparent = `00-${callersTrace}-00f067aa0ba902b7-01`;

describe('decideAndAppend, traced', () => {
  let recorder: SpanRecorder;
  beforeEach(() => (recorder = recordSpans()));
  afterEach(() => recorder.stop());

  const span = (name: string) => recorder.spans().find((candidate) => candidate.name === name)!;

  it('writes the command span, not the caller, into the events as their traceparent', async () => {
    const { store, stored } = storeWith();
    await write(store, callersTraceparent);
    const command = span('WriteNote').spanContext();
    expect(stored[0].metadata.traceparent).toBe(`00-${command.traceId}-${command.spanId}-01`);
    expect(command.traceId).toBe(callersTrace);
    expect(span('WriteNote').parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });

  it('starts a trace of its own when the caller sent none, and the events still carry it', async () => {
    const { store, stored } = storeWith();
    await write(store);
    const command = span('WriteNote').spanContext();
    expect(stored[0].metadata.traceparent).toBe(`00-${command.traceId}-${command.spanId}-01`);
  });

  it('records the stream, the revisions and each append attempt under the command', async () => {
    const { store } = storeWith(1);
    await write(store, callersTraceparent);
    const command = span('WriteNote');
    expect(command.attributes).toMatchObject({
      'multitrack.stream_id': 'note-1',
      'multitrack.expected_revision': 0,
      'multitrack.revision': 1,
      'multitrack.position': 102,
      'multitrack.retries': 1,
    });
    const appends = recorder.spans().filter((candidate) => candidate.name === 'event-store append');
    expect(appends.map((append) => append.parentSpanContext?.spanId)).toEqual([command.spanContext().spanId, command.spanContext().spanId]);
    expect(appends.map((append) => append.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.UNSET]);
  });
});

describe('decideAndAppend, with no tracing SDK registered', () => {
  it("passes the caller's traceparent on to the events unchanged", async () => {
    const { store, stored } = storeWith();
    await write(store, callersTraceparent);
    expect(stored[0].metadata.traceparent).toBe(callersTraceparent);
  });

  it('adds no traceparent when the caller sent none', async () => {
    const { store, stored } = storeWith();
    await write(store);
    expect(stored[0].metadata).not.toHaveProperty('traceparent');
  });
});
