import { z } from 'zod';
import {
  authVariables,
  disbursementVariables,
  httpVariables,
  idempotencyHashKeyOf,
  idempotencyVariables,
  type IdempotencyOptions,
  personalDataVariables,
  storageVariables,
} from '@multitrack/platform';
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
    DATABASE_URL: storageVariables.DATABASE_URL.unwrap().default(
      'postgres://postgres@127.0.0.1:5432/multitrack',
    ),
    EVENT_STORE: z.enum(['postgres', 'eventstoredb']).default('postgres'),
    EVENTSTORE_CONNECTION_STRING: storageVariables.EVENTSTORE_CONNECTION_STRING,
    PERSONAL_DATA_MASTER_KEY: personalDataVariables.PERSONAL_DATA_MASTER_KEY.unwrap(),
    IDEMPOTENCY_RETENTION_HOURS: idempotencyVariables.IDEMPOTENCY_RETENTION_HOURS,
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
}

type SettingsConfig = Pick<
  CoordinationApiConfig,
  'DISBURSEMENT_APPROVAL_THRESHOLD' | 'DISBURSEMENT_APPROVAL_WINDOW_DAYS' | 'IDEMPOTENCY_RETENTION_HOURS'
>;

/** `masterKey`: the personal-data master key the app runs with (from its variable or its file). */
export const coordinationSettingsOf = (
  config: SettingsConfig,
  masterKey: Uint8Array,
): CoordinationSettings => ({
  disbursementPolicies: new DisbursementPolicies(
    config.DISBURSEMENT_APPROVAL_THRESHOLD,
    config.DISBURSEMENT_APPROVAL_WINDOW_DAYS,
  ),
  idempotency: {
    // Request hashes keyed from the key that already guards personal data (decision 0176).
    requestHashKey: idempotencyHashKeyOf(masterKey),
    retentionHours: config.IDEMPOTENCY_RETENTION_HOURS,
  },
});
