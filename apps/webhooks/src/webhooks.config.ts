import { z } from 'zod';
import { authVariables, httpVariables, storageVariables } from '@multitrack/platform';
import { webhooksModuleVariables } from './webhooks-settings';

const port = z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535);

/**
 * The webhooks app on the real stack: subscriptions, the feed and the dispatcher, over the
 * PostgreSQL server (its tables, and the events unless EventStoreDB). Its port: `PORT` if set, else
 * `WEBHOOKS_PORT` (default 3004), beside the other apps on one host.
 */
export const webhooksConfig = z
  .object({
    ...httpVariables,
    ...authVariables,
    ...webhooksModuleVariables,
    PORT: port.optional(),
    WEBHOOKS_PORT: port.default(3004),
    DATABASE_URL: storageVariables.DATABASE_URL.unwrap(),
    EVENT_STORE: z.enum(['postgres', 'eventstoredb']).default('postgres'),
    EVENTSTORE_CONNECTION_STRING: storageVariables.EVENTSTORE_CONNECTION_STRING,
    /** Appends come from other processes, so the fan-out finds them by polling: its idle lag. */
    EVENT_STORE_POLL_MS: z.coerce.number().int().positive().default(20),
  })
  .refine((config) => config.EVENT_STORE !== 'eventstoredb' || config.EVENTSTORE_CONNECTION_STRING, {
    message: 'is required when EVENT_STORE=eventstoredb',
    path: ['EVENTSTORE_CONNECTION_STRING'],
  })
  .transform(({ PORT, ...config }) => ({ ...config, PORT: PORT ?? config.WEBHOOKS_PORT }));
