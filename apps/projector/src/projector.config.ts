import { z } from 'zod';
import { authVariables, httpVariables, kafkaVariables, storageVariables } from '@multitrack/platform';
import { readModelNamed, readModels, type ReadModel } from '@multitrack/read-models';

/** What the projector module reads, wherever it runs (its own process, or the standalone one). */
export const projectorVariables = {
  KAFKA_TOPIC_PREFIX: kafkaVariables.KAFKA_TOPIC_PREFIX,
  /** Comma-separated read model names; all when unset (to spread models over processes). */
  PROJECTOR_READ_MODELS: z
    .string()
    .transform((names, context) => {
      const known = new Set(readModels.map((model) => model.name));
      const unknown = names
        .split(',')
        .map((name) => name.trim())
        .filter((name) => !known.has(name));
      if (unknown.length > 0)
        context.addIssue({ code: 'custom', message: `names no read model: ${unknown.join(', ')}` });
      return names;
    })
    .optional(),
};

/** The projector on the real stack: Kafka in, PostgreSQL read models out. */
export const projectorConfig = z.object({
  ...httpVariables,
  ...authVariables,
  ...projectorVariables,
  DATABASE_URL: storageVariables.DATABASE_URL.unwrap(),
  KAFKA_BROKERS: kafkaVariables.KAFKA_BROKERS.unwrap(),
  KAFKA_PARTITIONS: kafkaVariables.KAFKA_PARTITIONS,
});

export type ProjectorConfig = z.output<typeof projectorConfig>;

type ProjectorVariables = z.output<z.ZodObject<typeof projectorVariables>>;

/** The projector module's settings, parsed once at start and injected by this class. */
export class ProjectorSettings {
  readonly readModels: readonly ReadModel[];
  readonly topicPrefix: string;

  constructor(config: ProjectorVariables) {
    this.readModels = config.PROJECTOR_READ_MODELS
      ? config.PROJECTOR_READ_MODELS.split(',').map((name) => readModelNamed(name.trim()))
      : readModels;
    this.topicPrefix = config.KAFKA_TOPIC_PREFIX;
  }
}
