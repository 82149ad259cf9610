import { z } from 'zod';
import {
  authVariables,
  disbursementVariables,
  httpVariables,
  personalDataVariables,
  storageVariables,
} from '@multitrack/platform';
import {
  ConsoleConfig,
  ConsoleSettings,
  consoleSettingsOf,
  consoleVariables,
} from './console/console.settings';
import { DisbursementPolicies } from './matches/disbursement-policies';

/**
 * The coordination API's configuration (docs/configuration.md). As a service of the real stack it
 * runs on a PostgreSQL server: DATABASE_URL and EVENT_STORE default to it, never to PGlite.
 */
export const coordinationApiConfig = z
  .object({
    ...httpVariables,
    ...authVariables,
    ...disbursementVariables,
    ...consoleVariables,
    DATABASE_URL: storageVariables.DATABASE_URL.unwrap().default(
      'postgres://postgres@127.0.0.1:5432/multitrack',
    ),
    EVENT_STORE: z.enum(['postgres', 'eventstoredb']).default('postgres'),
    EVENTSTORE_CONNECTION_STRING: storageVariables.EVENTSTORE_CONNECTION_STRING,
    PERSONAL_DATA_MASTER_KEY: personalDataVariables.PERSONAL_DATA_MASTER_KEY.unwrap(),
  })
  .refine(
    (config) => config.EVENT_STORE !== 'eventstoredb' || config.EVENTSTORE_CONNECTION_STRING !== undefined,
    {
      path: ['EVENTSTORE_CONNECTION_STRING'],
      message: 'is required when EVENT_STORE=eventstoredb',
    },
  );

export type CoordinationApiConfig = z.output<typeof coordinationApiConfig>;

/** What the coordination API's modules are given, typed, once at start. */
export interface CoordinationSettings {
  disbursementPolicies: DisbursementPolicies;
  console: ConsoleSettings;
}

type DisbursementConfig = Pick<
  CoordinationApiConfig,
  'DISBURSEMENT_APPROVAL_THRESHOLD' | 'DISBURSEMENT_APPROVAL_WINDOW_DAYS'
>;

export const coordinationSettingsOf = (config: DisbursementConfig & ConsoleConfig): CoordinationSettings => ({
  disbursementPolicies: new DisbursementPolicies(
    config.DISBURSEMENT_APPROVAL_THRESHOLD,
    config.DISBURSEMENT_APPROVAL_WINDOW_DAYS,
  ),
  console: consoleSettingsOf(config),
});
