import { resolve } from 'node:path';
import { z } from 'zod';
import {
  authVariables,
  disbursementVariables,
  documentVariables,
  idempotencyVariables,
  httpVariables,
  personalDataVariables,
} from '@multitrack/platform';
import { auditModuleVariables } from '../../audit-api/src/audit-settings';
import { consoleVariables } from '../../coordination-api/src/console/console.settings';
import { projectorVariables } from '../../projector/src/projector.config';
import { relayVariables } from '../../relay/src/relay.config';
import { webhooksModuleVariables } from '../../webhooks/src/webhooks-settings';

/** Everything in one process: the HTTP and auth settings, and every app module's own. */
export const standaloneConfig = z
  .object({
    ...httpVariables,
    ...authVariables,
    ...disbursementVariables,
    ...consoleVariables,
    ...auditModuleVariables,
    ...personalDataVariables,
    ...idempotencyVariables,
    ...documentVariables,
    ...relayVariables,
    ...projectorVariables,
    ...webhooksModuleVariables,
    /**
     * `worker` (default): PGlite's WebAssembly runs in a thread of its own, beside the one that
     * answers HTTP; `main` keeps it in the application thread (one thread to profile or debug).
     */
    EMBEDDED_DATABASE_THREAD: z.enum(['worker', 'main']).default('worker'),
  })
  // One data directory for everything, whatever the working directory of whoever reads it later.
  .transform((config) => ({ ...config, DATA_DIR: resolve(config.DATA_DIR) }));

export type StandaloneConfig = z.output<typeof standaloneConfig>;
