import { z } from 'zod';
import {
  authVariables,
  disbursementVariables,
  documentVariables,
  httpVariables,
  idempotencyHashKeyOf,
  idempotencyVariables,
  type IdempotencyOptions,
  personalDataVariables,
  storageVariables,
} from '@multitrack/platform';
import {
  ConsoleConfig,
  ConsoleSettings,
  consoleSettingsOf,
  consoleVariables,
} from './console/console.settings';
import { documentSettingsOf, type DocumentSettings } from './documents/document-settings';
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
    IDEMPOTENCY_RETENTION_HOURS: idempotencyVariables.IDEMPOTENCY_RETENTION_HOURS,
    ...documentVariables,
    DATA_DIR: storageVariables.DATA_DIR,
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
  idempotency: IdempotencyOptions;
  console: ConsoleSettings;
  documents: DocumentSettings;
}

type SettingsConfig = Pick<
  CoordinationApiConfig,
  | 'DISBURSEMENT_APPROVAL_THRESHOLD'
  | 'DISBURSEMENT_APPROVAL_WINDOW_DAYS'
  | 'DISBURSEMENT_APPROVAL_AUTHORITY'
  | 'IDEMPOTENCY_RETENTION_HOURS'
  | 'DOCUMENT_MAX_BYTES'
  | 'DOCUMENT_UNATTACHED_RETENTION_HOURS'
  | 'DATA_DIR'
>;

/** `masterKey`: the personal-data master key the app runs with (from its variable or its file). */
export const coordinationSettingsOf = (
  config: SettingsConfig & ConsoleConfig,
  masterKey: Uint8Array,
): CoordinationSettings => ({
  disbursementPolicies: new DisbursementPolicies(
    config.DISBURSEMENT_APPROVAL_THRESHOLD,
    config.DISBURSEMENT_APPROVAL_WINDOW_DAYS,
    config.DISBURSEMENT_APPROVAL_AUTHORITY,
  ),
  idempotency: {
    // Request hashes keyed from the key that already guards personal data (decision 0176).
    requestHashKey: idempotencyHashKeyOf(masterKey),
    retentionHours: config.IDEMPOTENCY_RETENTION_HOURS,
  },
  console: consoleSettingsOf(config),
  documents: documentSettingsOf(config),
});
