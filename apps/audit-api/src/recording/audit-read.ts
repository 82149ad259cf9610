import type { Actor } from '@multitrack/auth';
import type { NewEvent } from '@multitrack/event-store';

/** Audit reads go to one stream per UTC day, category `audit`: e.g. `audit-2026-12-01`. */
export const auditStreamOf = (at: Date): string => `audit-${at.toISOString().slice(0, 10)}`;

export const AUDIT_RECORD_READ = 'AuditRecordRead';

export interface AuditRead {
  method: string;
  path: string;
  query: Record<string, unknown>;
  actor: Actor;
  requestId: string;
  at: Date;
}

/** The event that records one call of the audit API; its actor is the auditor (or witness). */
export const auditRecordRead = ({ method, path, query, actor, requestId, at }: AuditRead): NewEvent => {
  const who = { sub: actor.sub, roles: [...actor.roles], ...(actor.organizationId ? { organizationId: actor.organizationId } : {}) };
  return {
    type: AUDIT_RECORD_READ,
    data: { method, path, query, actor: who },
    metadata: { actor: who, command: 'ReadAuditRecord', correlationId: requestId, occurredAt: at.toISOString(), schemaVersion: 1 },
  };
};
