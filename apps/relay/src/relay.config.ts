import { z } from 'zod';
import { authVariables, httpVariables, kafkaVariables, storageVariables } from '@multitrack/platform';

/** The relay on the real stack: PostgreSQL (checkpoints, and events unless EventStoreDB) and Kafka. */
export const relayConfig = z
  .object({
    ...httpVariables,
    ...authVariables,
    DATABASE_URL: storageVariables.DATABASE_URL.unwrap(),
    EVENT_STORE: z.enum(['postgres', 'eventstoredb']).default('postgres'),
    EVENTSTORE_CONNECTION_STRING: storageVariables.EVENTSTORE_CONNECTION_STRING,
    KAFKA_BROKERS: kafkaVariables.KAFKA_BROKERS.unwrap(),
    KAFKA_PARTITIONS: kafkaVariables.KAFKA_PARTITIONS,
    /** Prepended to every topic name (one cluster, several environments). */
    KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"').default(''),
    RELAY_BATCH_SIZE: z.coerce.number().int().positive().default(500),
    RELAY_LINGER_MS: z.coerce.number().int().min(0).default(5),
    /** Appends come from other processes, so the relay finds them by polling: this is its idle lag. */
    EVENT_STORE_POLL_MS: z.coerce.number().int().positive().default(20),
  })
  .refine((config) => config.EVENT_STORE !== 'eventstoredb' || config.EVENTSTORE_CONNECTION_STRING, {
    message: 'is required when EVENT_STORE=eventstoredb',
    path: ['EVENTSTORE_CONNECTION_STRING'],
  });

export type RelayConfig = z.output<typeof relayConfig>;
