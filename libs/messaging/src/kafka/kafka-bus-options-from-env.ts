import type { KafkaBusOptions } from './kafka-bus';

const positiveInteger = (env: NodeJS.ProcessEnv, name: string): number | undefined => {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${text}"`);
  return value;
};

/**
 * The bus's settings from `KAFKA_BROKERS` (comma-separated host:port, required),
 * `KAFKA_PARTITIONS` (default 6) and `KAFKA_REPLICATION_FACTOR` (default: the cluster's).
 */
export const kafkaBusOptionsFromEnv = (
  clientId: string,
  env: NodeJS.ProcessEnv = process.env,
): KafkaBusOptions => {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0)
    throw new Error('KAFKA_BROKERS is not set: give the Kafka bootstrap servers, e.g. 127.0.0.1:9092');
  return {
    brokers,
    clientId,
    partitions: positiveInteger(env, 'KAFKA_PARTITIONS') ?? 6,
    replicationFactor: positiveInteger(env, 'KAFKA_REPLICATION_FACTOR'),
  };
};
