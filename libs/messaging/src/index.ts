export * from './bus.port';
export type { BusLogger } from './bus-logger';
export type { RedeliveryBackoff } from './redelivery';
export { createInProcessBus, type InProcessBusOptions } from './in-process/in-process-bus';
export { createKafkaBus, type KafkaBusOptions } from './kafka/kafka-bus';
export { kafkaBusOptionsFromEnv } from './kafka/kafka-bus-options-from-env';
