import type { Actor } from '@multitrack/auth';
import type { NewEvent } from '@multitrack/event-store';

/** Audit reads go to one stream per UTC day, category `audit`: e.g. `audit-2026-12-01`. */
export const auditStreamOf = (at: Date): string => `audit-${at.toISOString().slice(0, 10)}`;

export const AUDIT_RECORD_READ = 'AuditRecordRead';

/** A recorded value: what validation let through, never longer than this (the log keeps it forever). */
export const MAX_RECORDED_TEXT = 200;

export type RecordedQuery = Record<string, string | number | boolean>;

export interface AuditRead {
  method: string;
  path: string;
  query: RecordedQuery;
  actor: Actor;
  requestId: string;
  at: Date;
}

const bounded = (text: string) =>
  text.length > MAX_RECORDED_TEXT ? `${text.slice(0, MAX_RECORDED_TEXT - 1)}…` : text;

/**
 * The validated query (and path parameters) as the log keeps them: only the DTO's own defined
 * properties — so only parameters the route knows — numbers and booleans as such, anything else as
 * bounded text. Validation already bounds every field; the cut here is the last line, not the rule.
 */
export const recordedQuery = (validated: object): RecordedQuery =>
  Object.fromEntries(
    Object.entries(validated)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [
        bounded(key),
        typeof value === 'number' || typeof value === 'boolean'
          ? value
          : bounded(typeof value === 'string' ? value : JSON.stringify(value)),
      ]),
  );

/** The event that records one call of the audit API; its actor is the auditor. */
export const auditRecordRead = ({ method, path, query, actor, requestId, at }: AuditRead): NewEvent => {
  const who = {
    sub: actor.sub,
    roles: [...actor.roles],
    ...(actor.organizationId ? { organizationId: actor.organizationId } : {}),
  };
  return {
    type: AUDIT_RECORD_READ,
    data: { method, path: bounded(path), query, actor: who },
    metadata: {
      actor: who,
      command: 'ReadAuditRecord',
      correlationId: requestId,
      occurredAt: at.toISOString(),
      schemaVersion: 1,
    },
  };
};
