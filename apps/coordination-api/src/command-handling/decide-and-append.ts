import { SpanKind, type Context, type Span } from '@opentelemetry/api';
import { Command, Decider, DomainError, Event, isDomainError } from '@multitrack/domain';
import { AppendResult, ConcurrencyError, currentSchemaVersion, EventStore, RecordedEvent } from '@multitrack/event-store';
import { traceparentOf, withSpan } from '@multitrack/platform';
import { CommandContext, eventMetadataOf } from './command-context';
import { CommandSpanAttributes, commandSpanStart, recordOutcome, revisionAttribute } from './command-span';

export class PreconditionFailed extends Error {
  override readonly name = 'PreconditionFailed';
  constructor(readonly streamId: string, readonly expected: number, readonly actual: number | 'no_stream') {
    super(`If-Match revision ${expected} is stale: ${streamId} is at ${actual}`);
  }
}

export class RetriesExhausted extends Error {
  override readonly name = 'RetriesExhausted';
  constructor(readonly streamId: string, readonly attempts: number) {
    super(`${streamId} kept changing under ${attempts} attempts; try again`);
  }
}

export interface Decision<S, E> {
  streamId: string;
  /** The state the command was decided against. */
  state: S;
  events: E[];
  revision: number;
  position: number;
}

export interface DecideAndAppendOptions<C extends Command, E extends Event, S> {
  store: EventStore;
  streamId: string;
  decider: Decider<C, E, S>;
  /** Built from the freshly folded state, so a re-decided command sees the facts as they are now. */
  command: (state: S, revision: number | 'no_stream') => C | DomainError | Promise<C | DomainError>;
  context: CommandContext;
  /** From `If-Match`: the caller's view of the stream; a clash is then a 412, never a retry. */
  ifMatch?: number;
  maxAttempts?: number;
}

export const foldStream = <C extends Command, E extends Event, S>(
  decider: Decider<C, E, S>,
  events: RecordedEvent[],
): S => events.reduce((state, event) => decider.evolve(state, event as unknown as E), decider.initialState);

/**
 * Load, decide, append with the expected revision; on an optimistic clash, re-read and re-decide
 * (DESIGN principle 3) so concurrent callers only ever see success or the business rule's 422.
 * Traced as one span named after the command, with a child span per append attempt.
 */
export const decideAndAppend = <C extends Command, E extends Event, S>(
  options: DecideAndAppendOptions<C, E, S>,
): Promise<Decision<S, E> | DomainError> =>
  withSpan(options.context.command, commandSpanStart(options.context, options.streamId), async (span, traced) => {
    const outcome = await decideWithRetries(options, span, traced);
    recordOutcome(span, outcome);
    return outcome;
  });

const decideWithRetries = async <C extends Command, E extends Event, S>(
  options: DecideAndAppendOptions<C, E, S>,
  span: Span,
  traced: Context,
): Promise<Decision<S, E> | DomainError> => {
  const { store, streamId, decider, context } = options;
  const maxAttempts = options.maxAttempts ?? 25;
  const metadata = eventMetadataOf(context, traceparentOf(traced));
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const history = await store.readStream(streamId);
    const current = history.length === 0 ? 'no_stream' : history[history.length - 1].revision;
    span.setAttributes({ [CommandSpanAttributes.retries]: attempt - 1, [CommandSpanAttributes.expectedRevision]: revisionAttribute(current) });
    if (options.ifMatch !== undefined && options.ifMatch !== current) {
      throw new PreconditionFailed(streamId, options.ifMatch, current);
    }
    const state = foldStream(decider, history);
    const command = await options.command(state, current);
    if (isDomainError(command)) return command;
    const events = decider.decide(command, state);
    if (isDomainError(events)) return events;
    if (events.length === 0) {
      return { streamId, state, events, revision: current === 'no_stream' ? -1 : current, position: -1 };
    }
    try {
      const result = await append(streamId, current, traced, () =>
        store.appendToStream(
          streamId,
          events.map((event) => ({
            type: event.type,
            data: event.data as Record<string, unknown>,
            metadata: { ...metadata, schemaVersion: currentSchemaVersion(event.type) },
          })),
          { expectedRevision: current },
        ),
      );
      return { streamId, state, events, revision: result.nextRevision, position: result.position };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (options.ifMatch !== undefined) throw new PreconditionFailed(streamId, options.ifMatch, error.actual);
      // Spread the retries of a crowd of callers so they do not clash again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, attempt * 5)));
    }
  }
  throw new RetriesExhausted(streamId, maxAttempts);
};

/** One append attempt as a span of its own: a clash shows as a failed append under its command. */
const append = (
  streamId: string,
  expected: number | 'no_stream',
  traced: Context,
  write: () => Promise<AppendResult>,
): Promise<AppendResult> =>
  withSpan(
    'event-store append',
    {
      kind: SpanKind.CLIENT,
      parent: traced,
      attributes: { [CommandSpanAttributes.streamId]: streamId, [CommandSpanAttributes.expectedRevision]: revisionAttribute(expected) },
    },
    async (span) => {
      const result = await write();
      span.setAttributes({ [CommandSpanAttributes.revision]: result.nextRevision, [CommandSpanAttributes.position]: result.position });
      return result;
    },
  );
