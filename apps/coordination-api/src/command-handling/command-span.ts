import { context as activeContext, SpanKind, trace, type Span } from '@opentelemetry/api';
import type { DomainError } from '@multitrack/domain';
import { traceContextOf, type SpanStart } from '@multitrack/platform';
import type { CommandContext } from './command-context';

/** Span attributes of a command and its append; docs/projections.md lists them. */
export const CommandSpanAttributes = {
  command: 'multitrack.command',
  streamId: 'multitrack.stream_id',
  expectedRevision: 'multitrack.expected_revision',
  revision: 'multitrack.revision',
  position: 'multitrack.position',
  retries: 'multitrack.retries',
  events: 'multitrack.events',
  rule: 'multitrack.rule',
} as const;

/** `no_stream` as the store's own encodings do: the revision before the first event. */
export const revisionAttribute = (revision: number | 'no_stream'): number =>
  revision === 'no_stream' ? -1 : revision;

/**
 * A command against one stream: a child of the HTTP request's span when one is active, else of
 * the caller's `traceparent` (no SDK registered, or a command run outside HTTP).
 */
export const commandSpanStart = (context: CommandContext, streamId: string): SpanStart => {
  const active = activeContext.active();
  return {
    kind: SpanKind.INTERNAL,
    parent: trace.getSpan(active) ? active : traceContextOf(context.traceparent),
    attributes: { [CommandSpanAttributes.streamId]: streamId },
  };
};

/** Named after the command once the first attempt has built it (`RequestDisbursement`). */
export const nameCommandSpan = (span: Span, command: string): void => {
  span.updateName(command);
  span.setAttribute(CommandSpanAttributes.command, command);
};

/** A refusal is the business rule answering (a 4xx), not a failure of the span. */
export const recordOutcome = (
  span: Span,
  outcome: { revision: number; position: number; events: unknown[] } | DomainError,
): void => {
  if ('kind' in outcome) {
    span.setAttribute(CommandSpanAttributes.rule, outcome.rule);
    return;
  }
  span.setAttributes({
    [CommandSpanAttributes.revision]: outcome.revision,
    [CommandSpanAttributes.position]: outcome.position,
    [CommandSpanAttributes.events]: outcome.events.length,
  });
};
