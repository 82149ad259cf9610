import { z } from 'zod';
import { authVariables, httpVariables, kafkaVariables, storageVariables } from '@multitrack/platform';

/** What the relay module reads, wherever it runs (its own process, or the standalone one). */
export const relayVariables = {
  KAFKA_TOPIC_PREFIX: kafkaVariables.KAFKA_TOPIC_PREFIX,
  RELAY_BATCH_SIZE: z.coerce.number().int().positive().default(500),
  RELAY_LINGER_MS: z.coerce.number().int().min(0).default(5),
};

/** The relay on the real stack: PostgreSQL (checkpoints, and events unless EventStoreDB) and Kafka. */
export const relayConfig = z
  .object({
    ...httpVariables,
    ...authVariables,
    ...relayVariables,
    DATABASE_URL: storageVariables.DATABASE_URL.unwrap(),
    EVENT_STORE: z.enum(['postgres', 'eventstoredb']).default('postgres'),
    EVENTSTORE_CONNECTION_STRING: storageVariables.EVENTSTORE_CONNECTION_STRING,
    KAFKA_BROKERS: kafkaVariables.KAFKA_BROKERS.unwrap(),
    KAFKA_PARTITIONS: kafkaVariables.KAFKA_PARTITIONS,
    /** Appends come from other processes, so the relay finds them by polling: this is its idle lag. */
    EVENT_STORE_POLL_MS: z.coerce.number().int().positive().default(20),
  })
  .refine((config) => config.EVENT_STORE !== 'eventstoredb' || config.EVENTSTORE_CONNECTION_STRING, {
    message: 'is required when EVENT_STORE=eventstoredb',
    path: ['EVENTSTORE_CONNECTION_STRING'],
  });

export type RelayConfig = z.output<typeof relayConfig>;

type RelayVariables = z.output<z.ZodObject<typeof relayVariables>>;

/** The relay module's settings, parsed once at start and injected by this class. */
export class RelaySettings {
  readonly batchSize: number;
  readonly lingerMs: number;
  readonly topicPrefix: string;

  constructor(config: RelayVariables) {
    this.batchSize = config.RELAY_BATCH_SIZE;
    this.lingerMs = config.RELAY_LINGER_MS;
    this.topicPrefix = config.KAFKA_TOPIC_PREFIX;
  }
}
