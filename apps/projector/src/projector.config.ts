import { z } from 'zod';
import { authVariables, httpVariables, kafkaVariables, storageVariables } from '@multitrack/platform';

/** The projector on the real stack: Kafka in, PostgreSQL read models out. */
export const projectorConfig = z.object({
  ...httpVariables,
  ...authVariables,
  DATABASE_URL: storageVariables.DATABASE_URL.unwrap(),
  KAFKA_BROKERS: kafkaVariables.KAFKA_BROKERS.unwrap(),
  KAFKA_PARTITIONS: kafkaVariables.KAFKA_PARTITIONS,
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"').default(''),
  PROJECTOR_READ_MODELS: z.string().optional(),
});

export type ProjectorConfig = z.output<typeof projectorConfig>;
