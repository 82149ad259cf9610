export * from './bus.port';
export type { BusLogger } from './bus-logger';
export type { RedeliveryBackoff } from './redelivery';
export { createInProcessBus, type InProcessBusOptions } from './in-process/in-process-bus';
export { createKafkaBus, type KafkaBusOptions } from './kafka/kafka-bus';

// The wire contract of the log on the bus: what the relay writes and every consumer reads.
export * from './contract/event-envelope';
export * from './contract/topics';
export { toMessage, CLOUDEVENTS_SOURCE } from './contract/event-message';
export { toCloudEvent, type CloudEvent } from './contract/cloud-event';
