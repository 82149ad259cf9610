/**
 * The event store port. Every adapter (EventStoreDB, PostgreSQL server, PGlite) implements it and
 * passes the same contract suite (`contract/`).
 */

/**
 * `no_stream`: the stream must not exist; `any`: no check (the hash chain still links to the real
 * head); a number: the stream's current revision.
 */
export type ExpectedRevision = number | 'no_stream' | 'any';

/** Who did it, why and when: carried on every event (DESIGN principle 6). */
export interface EventMetadata {
  actor: { sub: string; roles: string[]; organizationId?: string };
  /** The command that caused this event, e.g. `PublishHelpRequest`. */
  command?: string;
  commandId?: string;
  idempotencyKey?: string;
  correlationId: string;
  causationId?: string;
  /** ISO 8601 instant at which the command was decided. */
  occurredAt: string;
  schemaVersion: number;
  /** W3C trace context, when the command came in under a trace. */
  traceparent?: string;
  [extra: string]: unknown;
}

export interface NewEvent {
  /** Optional; derived deterministically from the idempotency key when absent (UUID v5). */
  eventId?: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  streamId: string;
  /** 0-based revision within the stream. */
  revision: number;
  /** Unique position in the global log (a number that fits in a JS number). */
  position: number;
  /** Opaque, adapter-specific resume token for `readAll` / `subscribeToAll` (after this event). */
  checkpoint: string;
  recordedAt: Date;
  /** Lowercase hex SHA-256 chaining this event to the previous one of its stream. */
  hash: string;
  prevHash: string | null;
}

/**
 * An event reduced to what its hash covers, with `data` and `metadata` as the RFC 8785 canonical
 * JSON that was hashed (what `readAll` with `asStored` returns, canonicalised): enough to recompute
 * every chain and the Merkle leaves without parsing a payload.
 */
export interface HashedEvent {
  streamId: string;
  revision: number;
  position: number;
  checkpoint: string;
  type: string;
  hash: string;
  prevHash: string | null;
  canonicalData: string;
  canonicalMetadata: string;
}

export interface AppendResult {
  /** The stream revision after the write (the last appended event's revision). */
  nextRevision: number;
  /** The global position of the last appended event. */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; from the first (forwards) or last (backwards) event when absent. */
  fromRevision?: number;
  maxCount?: number;
  /** Skip upcasting: the events exactly as stored and hashed (audit, integrity checks). */
  asStored?: boolean;
}

export interface ReadAllOptions {
  /** Resume after this checkpoint; from the start of the log when absent. */
  from?: string;
  batchSize?: number;
  /** Skip upcasting: the events exactly as stored and hashed (audit, integrity checks). */
  asStored?: boolean;
}

export interface Subscription {
  /** Stops delivery; resolves once the handler is no longer called. */
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  from?: string;
  /** Called once per event in global order; the next event waits for the promise. */
  onEvent: (event: RecordedEvent) => Promise<void>;
  /**
   * Told about every failure (store unreachable, handler threw). The subscription keeps going and
   * retries the same event after a back-off, so nothing is skipped.
   */
  onError?: (error: Error) => void;
  /** Skip upcasting: the events exactly as stored and hashed. */
  asStored?: boolean;
}

/** One stream's part of an atomic append to several streams. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  /** Always exact: an atomic decision over several streams is taken on what was read of each. */
  expectedRevision: number | 'no_stream';
}

export interface EventStore {
  appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /**
   * Appends to several distinct streams at once, all or none: when any stream is not at its
   * expected revision, nothing is written and the `ConcurrencyError` names that stream. Results
   * come in the order of `appends`. A retry whose event ids (derived from one idempotency key) are
   * all stored already answers what the first attempt answered; some but not all is a
   * `DuplicateEventError`.
   */
  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]>;
  /** A stream that does not exist reads as `[]`. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The global log in order, paged underneath; never the whole log in memory. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * The global log as `HashedEvent`s, in the order of `readAll`. Optional: `readHashedLog` falls
   * back to canonicalising `readAll({ asStored: true })` for an adapter without it.
   */
  readAllHashed?(options?: Omit<ReadAllOptions, 'asStored'>): AsyncIterable<HashedEvent>;
  /** Catch up from the checkpoint, then follow live appends. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Answers when the store is reachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * System streams (`$…`: EventStoreDB's settings, stream metadata, projections) are the store's own,
 * never part of the log. EventStoreDB keeps them out of `readAll`; a SQL adapter takes any name, so
 * whoever shows the log leaves them out (decision 0175).
 */
export const isSystemStream = (streamId: string): boolean => streamId.startsWith('$');
