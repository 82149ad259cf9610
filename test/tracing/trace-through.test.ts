import { recordSpans, type SpanRecorder } from '@multitrack/platform';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import {
  clientOf,
  startCoordinationApp,
  tokenFor,
  validRequest,
  type Client,
  type CoordinationApp,
} from '../coordination/support';

const callersTrace = '0af7651916cd43dd8448eb211c80319c';
const callersSpan = 'b7ad6b7169203331';

/** Spans end after the work they time (the projector's after its commit): wait for them, briefly. */
const eventually = async <T>(find: () => T | undefined, what: string): Promise<T> => {
  for (let tries = 0; tries < 500; tries++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never saw ${what}`);
};

/** A batch span continues the command's trace, or links to it when its batch mixes several commands. */
const tracesOf = (span: ReadableSpan) => [
  span.spanContext().traceId,
  ...span.links.map((link) => link.context.traceId),
];

const isUnder = (span: ReadableSpan, parent: ReadableSpan) =>
  span.parentSpanContext?.spanId === parent.spanContext().spanId ||
  span.links.some((link) => link.context.spanId === parent.spanContext().spanId);

describe('one trace from an HTTP command to the read model (in-process bus, PGlite)', () => {
  let recorder: SpanRecorder;
  let app: CoordinationApp;
  let api: Client;
  let officer: string;

  beforeAll(async () => {
    recorder = recordSpans();
    app = await startCoordinationApp('pglite');
    api = clientOf(app.url);
    officer = await tokenFor('officer-1', ['officer']);
  });

  afterAll(async () => {
    await app?.close();
    await recorder?.stop();
  });

  const publish = async (headers: Record<string, string>) => {
    const answer = await api.post('/v1/requests', validRequest(), { token: officer, headers });
    expect(answer.status).toBe(201);
    const seen = await api.get(`/v1/requests/${answer.body.id}?minRevision=0`, { token: officer });
    expect(seen.status).toBe(200);
    const [event] = await app.store.readStream(`request-${answer.body.id}`);
    return { id: answer.body.id as string, event };
  };

  /** The spans of one command, from the HTTP request to each read model that projected its event. */
  const spansOf = async (streamId: string) => {
    const command = await eventually(
      () =>
        recorder
          .spans()
          .find(
            (span) =>
              span.name === 'PublishHelpRequest' && span.attributes['multitrack.stream_id'] === streamId,
          ),
      `the command span of ${streamId}`,
    );
    const under = (name: string) =>
      eventually(
        () => recorder.spans().find((span) => span.name.startsWith(name) && isUnder(span, command)),
        `${name} under it`,
      );
    const http = recorder
      .spans()
      .find((span) => span.spanContext().spanId === command.parentSpanContext?.spanId);
    return {
      http,
      command,
      append: await under('event-store append'),
      relay: await under('relay publish'),
      projector: await under('project requests'),
    };
  };

  it("carries the caller's trace id through the command, the append, the relay and the projector", async () => {
    const { id, event } = await publish({ traceparent: `00-${callersTrace}-${callersSpan}-01` });

    const { http, command, append, relay, projector } = await spansOf(`request-${id}`);
    expect(http?.name).toBe('POST /v1/requests');
    expect(http?.parentSpanContext?.spanId).toBe(callersSpan);
    expect(http?.attributes['http.response.status_code']).toBe(201);
    for (const span of [http!, command, append]) expect(span.spanContext().traceId).toBe(callersTrace);
    for (const span of [relay, projector]) expect(tracesOf(span)).toContain(callersTrace);
    expect(command.attributes).toMatchObject({
      'multitrack.expected_revision': -1,
      'multitrack.revision': 0,
      'multitrack.retries': 0,
    });
    expect(event.metadata.traceparent).toBe(`00-${callersTrace}-${command.spanContext().spanId}-01`);
  });

  it('starts the trace at the API when the caller sent none, and the bus still carries it', async () => {
    const { id, event } = await publish({});

    const { http, command, relay, projector } = await spansOf(`request-${id}`);
    expect(http?.parentSpanContext).toBeUndefined();
    const trace = command.spanContext().traceId;
    expect(event.metadata.traceparent).toBe(`00-${trace}-${command.spanContext().spanId}-01`);
    expect(http?.spanContext().traceId).toBe(trace);
    for (const span of [relay, projector]) expect(tracesOf(span)).toContain(trace);
  });
});
