import { z } from 'zod';
import { storageVariables } from '@multitrack/platform';

const whole = (minimum: number, message: string) =>
  z.coerce.number({ message }).int({ message }).min(minimum, { message });
const flag = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .default('false')
  .transform((value) => value === 'true');

/** What the webhooks module reads, wherever it runs (its own process, or the standalone one); docs/configuration.md. */
export const webhooksModuleVariables = {
  DATA_DIR: storageVariables.DATA_DIR,
  /** The first retry waits this long, each next one twice as long (API.md). */
  WEBHOOK_RETRY_BASE_MS: whole(1, 'must be a positive whole number of milliseconds').default(1000),
  /** Attempts before a delivery is `failed` and the later events of its stream wait for a replay. */
  WEBHOOK_MAX_ATTEMPTS: whole(8, 'must be a whole number, at least 8').default(8),
  /** Development and tests only: http:// and loopback or private addresses as targets. */
  WEBHOOK_ALLOW_PRIVATE_URLS: flag,
  /** Deliveries in flight at once, overall and per subscription. */
  WEBHOOK_CONCURRENCY: whole(1, 'must be a positive whole number').default(32),
  WEBHOOK_CONCURRENCY_PER_SUBSCRIPTION: whole(1, 'must be a positive whole number').default(4),
  WEBHOOK_TIMEOUT_MS: whole(1, 'must be a positive whole number of milliseconds').default(10_000),
  /** Encrypts the subscriptions' signing secrets at rest; base64 of 32 bytes; unset: generated in DATA_DIR. */
  WEBHOOK_SECRETS_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be 32 random bytes in base64')
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64')
    .optional(),
  /** `false`: serve the subscriptions and the feed but deliver nothing (a process beside the one dispatcher). */
  WEBHOOK_DISPATCH: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
};

const webhooksModuleSettings = z.object(webhooksModuleVariables);
type WebhooksVariables = z.output<typeof webhooksModuleSettings>;

/** The webhooks module's settings, parsed once at start and injected by this class. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- the class is the token, the interface its fields
export interface WebhooksSettings extends WebhooksVariables {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class WebhooksSettings {
  constructor(variables: WebhooksVariables) {
    Object.assign(this, variables);
  }
}

/** For tests and embedders: the defaults with some variables set. */
export const webhooksSettingsOf = (variables: Record<string, string | undefined>): WebhooksSettings =>
  new WebhooksSettings(webhooksModuleSettings.parse(variables));
