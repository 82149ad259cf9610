export * from './event-store.port';
export * from './errors';
export {
  computeEventHash,
  hashCanonicalFields,
  CanonicalFields,
  verifyStreamChain,
  findFirstBrokenEvent,
  HashedFields,
  ChainedEvent,
  ChainBreak,
} from './hash-chain';
export { eventIdFor } from './event-ids';
export { readHashedLog, toHashedEvent } from './hashed-log';
export {
  createUpcasting,
  currentSchemaVersion,
  defaultUpcasters,
  helpRequestPublishedV1,
  Upcaster,
  Upcasting,
  StoredShape,
} from './upcasting';
export { openEventStore, EventStoreSettings } from './open-event-store';
export { createPostgresEventStore, PostgresEventStoreOptions } from './postgres/postgres.event-store';
export { migrateEventStore } from './postgres/event-store.migrations';
export { openEventStoreDb, EventStoreDbOptions } from './eventstoredb/eventstoredb.event-store';
