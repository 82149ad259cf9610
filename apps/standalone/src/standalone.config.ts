import { z } from 'zod';
import {
  auditVariables,
  authVariables,
  disbursementVariables,
  httpVariables,
  personalDataVariables,
  storageVariables,
} from '@multitrack/platform';
import { projectorVariables } from '../../projector/src/projector.config';
import { relayVariables } from '../../relay/src/relay.config';

/** Everything in one process: the HTTP, auth, money-policy and audit settings of every app. */
export const standaloneConfig = z.object({
  ...httpVariables,
  ...authVariables,
  DATA_DIR: storageVariables.DATA_DIR,
  ...disbursementVariables,
  ...auditVariables,
  ...personalDataVariables,
  ...relayVariables,
  ...projectorVariables,
});

export type StandaloneConfig = z.output<typeof standaloneConfig>;
