import { Inject, Injectable } from '@nestjs/common';
import { SpanKind, type Context, type Span } from '@opentelemetry/api';
import type { Actor } from '@multitrack/auth';
import {
  deciderFor,
  isDomainError,
  rule,
  type Category,
  type CommandOf,
  type DomainError,
  type EventOf,
  type RuleName,
  type StateOf,
  stateOf,
} from '@multitrack/domain';
import {
  ConcurrencyError,
  currentSchemaVersion,
  type AppendResult,
  type EventStore,
  type StreamAppend,
} from '@multitrack/event-store';
import { EVENT_STORE, traceparentOf, withSpan } from '@multitrack/platform';
import { commandMetadataOf, eventMetadataOf, type CommandContext } from './command-context';
import {
  CommandSpanAttributes,
  commandSpanStart,
  nameCommandSpan,
  recordOutcome,
  revisionAttribute,
} from './command-span';
import { attemptReader, type StreamRead, type StreamReader } from './stream-reader';
import { PreconditionFailed, RetriesExhausted } from './write-conflicts';

type WithoutMetadata<T> = T extends unknown ? Omit<T, 'metadata'> : never;

/** A command as a handler builds it: the writer adds who and when. */
export type CommandBody<K extends Category> = WithoutMetadata<CommandOf<K>>;

type Existing<K extends Category> = Exclude<StateOf<K>, { status: 'none' }>;

/** Another stream the command writes in the same atomic append, decided by that stream's decider. */
export type Alongside = { [K in Category]: { read: StreamRead<K>; command: CommandBody<K> } }[Category];

interface Particulars<K extends Category, F, S> {
  category: K;
  id: string;
  /** Facts from other streams, read on every attempt (they may have changed since the last). */
  facts?: (state: S, streams: StreamReader) => Promise<F | DomainError>;
  command: (state: S, facts: F) => CommandBody<K> | DomainError | Promise<CommandBody<K> | DomainError>;
  /** Other streams the command writes with its own, all or none. */
  alongside?: (state: S, facts: F, events: EventOf<K>[]) => Alongside[];
}

/**
 * What is particular to one command: the stream it is about, who may know that stream exists,
 * the facts it needs from other streams, and the command itself. Everything else — loading,
 * If-Match, replay, appending, re-deciding — is the writer's, the same for every command.
 */
export type CommandSpec<K extends Category, F> =
  | (Particulars<K, F, Existing<K>> & {
      creates?: false;
      /** Whether the caller may know the entity exists; judged before `If-Match`, so neither leaks it. */
      visibleTo?: (state: Existing<K>, actor: Actor) => boolean;
    })
  | (Particulars<K, F, StateOf<K>> & {
      /** The command starts the stream: nothing to judge visibility or `If-Match` on yet. */
      creates: true;
    });

/** What a command came to on its stream. */
export interface Outcome<K extends Category> {
  streamId: string;
  /** The state the command was decided against. */
  state: StateOf<K>;
  /** What it recorded on its stream (those of the first attempt when it is replayed). */
  events: EventOf<K>[];
  /** The stream's revision after the command (-1: the stream still does not exist). */
  revision: number;
  /** The global log position of the write, -1 when nothing new was recorded. */
  position: number;
}

const MAX_ATTEMPTS = 25;

type Attempt<K extends Category> =
  { outcome: Outcome<K> | DomainError } | { appends: StreamAppend[]; decided: Outcome<K> };

const notFoundRules: Record<Category, RuleName> = {
  organization: 'organization.not-found',
  request: 'request.not-found',
  offer: 'offer.not-found',
  match: 'match.not-found',
  authority: 'approval-authority.not-found',
  // Never a command's own stream: written only alongside a release.
  window: 'organization.not-found',
};

const notFound = ({ category, id }: { category: Category; id: string }): DomainError =>
  rule(notFoundRules[category], `no ${category} ${id}`);

/** The command already ran under this key (a retry after a lost answer): its events say what it did. */
const replayed = <K extends Category>(
  read: StreamRead<K>,
  key: string | undefined,
): Outcome<K> | undefined => {
  if (key === undefined) return undefined;
  const first = read.history.findIndex((event) => event.metadata.idempotencyKey === key);
  if (first < 0) return undefined;
  const ours = read.history.filter((event) => event.metadata.idempotencyKey === key);
  const last = ours[ours.length - 1];
  return {
    streamId: read.streamId,
    state: stateOf(read.category, read.history.slice(0, first)),
    events: ours.map(({ type, data }) => ({ type, data })) as EventOf<K>[],
    revision: last.revision,
    position: last.position,
  };
};

const decideOn = (read: StreamRead<Category>, command: unknown) =>
  (
    deciderFor(read.category).decide as (
      command: unknown,
      state: unknown,
    ) => { type: string; data: unknown }[] | DomainError
  )(command, read.state);

/**
 * The one way a command writes: load its stream, judge visibility, answer a replay, check
 * `If-Match`, read the facts, decide, and append every stream it decided on at the revision it
 * read, all or none (DESIGN principles 3 and 4). On an optimistic clash it reads and decides
 * again (bounded), so concurrent callers only ever see success or the business rule's refusal;
 * under `If-Match` a clash on the command's own stream is the caller's 412 instead.
 */
@Injectable()
export class StreamWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  decide<K extends Category, F = undefined>(
    spec: CommandSpec<K, F>,
    context: CommandContext,
  ): Promise<Outcome<K> | DomainError> {
    const streamId = `${spec.category}-${spec.id}`;
    return withSpan(spec.category, commandSpanStart(context, streamId), async (span, traced) => {
      const outcome = await this.withRetries(spec, context, span, traced);
      recordOutcome(span, outcome);
      return outcome;
    });
  }

  private async withRetries<K extends Category, F>(
    spec: CommandSpec<K, F>,
    context: CommandContext,
    span: Span,
    traced: Context,
  ): Promise<Outcome<K> | DomainError> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const streams = attemptReader(this.store);
      const own = await streams.read(spec.category, spec.id);
      span.setAttributes({
        [CommandSpanAttributes.retries]: attempt - 1,
        [CommandSpanAttributes.expectedRevision]: revisionAttribute(own.revision),
      });
      const decided = await this.attempt(spec, context, own, streams, span, traced);
      if ('outcome' in decided) return decided.outcome;
      try {
        const results = await this.append(decided.appends, own.streamId, traced);
        return { ...decided.decided, ...this.answer(decided.appends, results, own) };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (context.ifMatch !== undefined && !spec.creates && error.streamId === own.streamId)
          throw new PreconditionFailed(own.streamId, context.ifMatch, error.actual);
        // Spread the retries of a crowd of callers so they do not clash again in lockstep.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, attempt * 5)));
      }
    }
    throw new RetriesExhausted(`${spec.category}-${spec.id}`, MAX_ATTEMPTS);
  }

  private async attempt<K extends Category, F>(
    spec: CommandSpec<K, F>,
    context: CommandContext,
    own: StreamRead<K>,
    streams: StreamReader,
    span: Span,
    traced: Context,
  ): Promise<Attempt<K>> {
    if (!spec.creates) {
      const exists = own.state.status !== 'none';
      if (!exists || !(spec.visibleTo?.(own.state as Existing<K>, context.actor) ?? true))
        return { outcome: notFound(spec) };
    }
    // Past the check above the state exists unless the command creates it: both forms take it.
    const particulars = spec as Particulars<K, F, StateOf<K>>;
    const replay = replayed(own, context.idempotencyKey);
    if (replay) return { outcome: replay };
    if (!spec.creates && context.ifMatch !== undefined && context.ifMatch !== own.revision)
      throw new PreconditionFailed(own.streamId, context.ifMatch, own.revision);
    const facts = particulars.facts ? await particulars.facts(own.state, streams) : (undefined as F);
    if (isDomainError(facts)) return { outcome: facts };
    const body = await particulars.command(own.state, facts);
    if (isDomainError(body)) return { outcome: body };
    if (span.isRecording()) nameCommandSpan(span, body.type);
    const events = decideOn(own, { ...body, metadata: commandMetadataOf(context) });
    if (isDomainError(events)) return { outcome: events };
    const decisions: [StreamRead<Category>, { type: string; data: unknown }[]][] = [[own, events]];
    for (const { read, command } of particulars.alongside?.(own.state, facts, events as EventOf<K>[]) ?? []) {
      const alongside = decideOn(read, { ...command, metadata: commandMetadataOf(context) });
      if (isDomainError(alongside)) return { outcome: alongside };
      decisions.push([read, alongside]);
    }
    const metadata = eventMetadataOf(context, body.type, traceparentOf(traced));
    const appends = decisions
      .filter(([, decided]) => decided.length > 0)
      .map(([read, decided]) => ({
        streamId: read.streamId,
        expectedRevision: read.revision,
        events: decided.map((event) => ({
          type: event.type,
          data: event.data as Record<string, unknown>,
          metadata: { ...metadata, schemaVersion: currentSchemaVersion(event.type) },
        })),
      }));
    const decided: Outcome<K> = {
      streamId: own.streamId,
      state: own.state,
      events: events as EventOf<K>[],
      revision: own.revision === 'no_stream' ? -1 : own.revision,
      position: -1,
    };
    return appends.length === 0 ? { outcome: decided } : { appends, decided };
  }

  /**
   * The command's own stream's revision and position, as a replay finds them again on that stream;
   * the last position written when the command changed other streams only.
   */
  private answer(appends: StreamAppend[], results: AppendResult[], own: StreamRead<Category>) {
    const index = appends.findIndex((append) => append.streamId === own.streamId);
    if (index >= 0) return { revision: results[index].nextRevision, position: results[index].position };
    return { position: Math.max(...results.map((result) => result.position)) };
  }

  /** One append attempt as a span of its own: a clash shows as a failed append under its command. */
  private append(appends: StreamAppend[], streamId: string, traced: Context): Promise<AppendResult[]> {
    const own = appends.find((append) => append.streamId === streamId) ?? appends[0];
    return withSpan(
      'event-store append',
      {
        kind: SpanKind.CLIENT,
        parent: traced,
        attributes: {
          [CommandSpanAttributes.streamId]: own.streamId,
          [CommandSpanAttributes.expectedRevision]: revisionAttribute(own.expectedRevision),
        },
      },
      async (span) => {
        const results = await this.store.appendToStreams(appends);
        const result = results[appends.indexOf(own)];
        span.setAttributes({
          [CommandSpanAttributes.revision]: result.nextRevision,
          [CommandSpanAttributes.position]: result.position,
        });
        return results;
      },
    );
  }
}
