import { v4 as randomUuid, v5 as uuidV5 } from 'uuid';
import type { Actor } from '@multitrack/auth';
import type { CommandMetadata } from '@multitrack/domain';
import type { EventMetadata } from '@multitrack/event-store';

/** What is known about a command before any stream is read: who, when, under which key. */
export interface CommandContext {
  actor: Actor;
  /**
   * The caller's Idempotency-Key, already scoped to the caller and the route with its parameters:
   * event and entity ids derive from it, so two callers (or two routes) reusing a key never share one.
   */
  idempotencyKey?: string;
  correlationId: string;
  /** The caller's W3C trace context, when it sent one. */
  traceparent?: string;
  /** ISO 8601; fixed once per command so every re-decision decides at the same instant. */
  now: string;
  /** From `If-Match`: the revision of the command's stream the caller last saw. */
  ifMatch?: number;
}

// Fixed forever: changing it would give a retried command a new entity id.
const namespace = '2f0c8a51-7d4e-5b8f-9c1a-6e3d2b4f8a07';

/**
 * The id of an entity a command creates (a request, an offer, a match, a tranche): derived from
 * the scoped Idempotency-Key, so a retry after a crash decides the very same events (the store
 * dedupes them by id) and answers with the same id; random without a key.
 */
export const newEntityId = ({ idempotencyKey }: CommandContext): string =>
  idempotencyKey === undefined ? randomUuid() : uuidV5(idempotencyKey, namespace);

export const EVENT_SCHEMA_VERSION = 1;

/**
 * `command`: the command the caller issued, on every event it writes in every stream.
 * `traceparent`: the span the command was decided in, so the relay and the projector continue its
 * trace even when the client sent none; the client's own when no SDK records spans.
 */
export const eventMetadataOf = (
  context: CommandContext,
  command: string,
  traceparent?: string,
): EventMetadata => ({
  actor: context.actor,
  command,
  commandId: context.idempotencyKey ?? context.correlationId,
  idempotencyKey: context.idempotencyKey,
  correlationId: context.correlationId,
  causationId: context.idempotencyKey ?? context.correlationId,
  occurredAt: context.now,
  schemaVersion: EVENT_SCHEMA_VERSION,
  ...(traceparent ? { traceparent } : {}),
});

export const commandMetadataOf = (context: CommandContext): CommandMetadata => ({
  actor: context.actor,
  now: context.now,
});
