import { randomUUID } from 'node:crypto';
import { CommandMetadata } from '@multitrack/domain';
import { EventMetadata } from '@multitrack/event-store';

/** What the HTTP edge knows about a command before any stream is read. */
export interface CommandContext {
  actor: CommandMetadata['actor'];
  command: string;
  idempotencyKey?: string;
  correlationId: string;
  causationId?: string;
  traceparent?: string;
  /** ISO 8601; fixed once per HTTP command so every retry decides at the same instant. */
  now: string;
}

export const newCommandContext = (
  command: string,
  actor: CommandMetadata['actor'],
  extra: Partial<Omit<CommandContext, 'command' | 'actor'>> = {},
): CommandContext => ({
  command,
  actor,
  correlationId: extra.correlationId ?? randomUUID(),
  now: extra.now ?? new Date().toISOString(),
  ...extra,
});

export const EVENT_SCHEMA_VERSION = 1;

/**
 * `traceparent`: the span the command was decided in, so the relay and the projector continue
 * its trace even when the client sent none; the client's own when no SDK records spans.
 */
export const eventMetadataOf = (context: CommandContext, traceparent = context.traceparent): EventMetadata => ({
  actor: context.actor,
  command: context.command,
  commandId: context.idempotencyKey ?? context.correlationId,
  idempotencyKey: context.idempotencyKey,
  correlationId: context.correlationId,
  causationId: context.causationId ?? context.idempotencyKey ?? context.correlationId,
  occurredAt: context.now,
  schemaVersion: EVENT_SCHEMA_VERSION,
  ...(traceparent ? { traceparent } : {}),
});

export const commandMetadataOf = (context: CommandContext): CommandMetadata => ({
  actor: context.actor,
  now: context.now,
});
