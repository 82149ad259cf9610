import { z } from 'zod';
import { authVariables, httpVariables, storageVariables } from '@multitrack/platform';
import { auditModuleVariables } from './audit-settings';

const port = z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535);

/**
 * The audit API on the real stack: PostgreSQL (read models, the transparency log, and events
 * unless EventStoreDB). Its port: `PORT` if set, else `AUDIT_PORT` (default 3001), so that it can
 * sit beside the coordination API (3000) on one host with no other setting.
 */
export const auditApiConfig = z
  .object({
    ...httpVariables,
    ...authVariables,
    ...auditModuleVariables,
    PORT: port.optional(),
    AUDIT_PORT: port.default(3001),
    DATABASE_URL: storageVariables.DATABASE_URL.unwrap(),
    EVENT_STORE: z.enum(['postgres', 'eventstoredb']).default('postgres'),
    EVENTSTORE_CONNECTION_STRING: storageVariables.EVENTSTORE_CONNECTION_STRING,
  })
  .refine((config) => config.EVENT_STORE !== 'eventstoredb' || config.EVENTSTORE_CONNECTION_STRING, {
    message: 'is required when EVENT_STORE=eventstoredb',
    path: ['EVENTSTORE_CONNECTION_STRING'],
  })
  .transform(({ PORT, ...config }) => ({ ...config, PORT: PORT ?? config.AUDIT_PORT }));

export type AuditApiConfig = z.output<typeof auditApiConfig>;
