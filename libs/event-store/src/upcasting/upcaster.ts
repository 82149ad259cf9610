import { EventMetadata } from '../event-store.port';

/** An event as it was stored, before or after an upcaster ran. */
export interface StoredShape {
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** Present on events read from a store (every recorded event has one). */
  eventId?: string;
}

/**
 * Turns one event type's schema version `fromVersion` (metadata.schemaVersion) into the next.
 * Upcasters run on read only: the log keeps what was written, and its hashes cover that.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(event: StoredShape): StoredShape;
}

/** Applies every upcaster that matches, in version order, until the newest shape is reached. */
export const createUpcasting = (upcasters: readonly Upcaster[]) => {
  const byKey = new Map(upcasters.map((upcaster) => [`${upcaster.type}@${upcaster.fromVersion}`, upcaster]));
  if (byKey.size !== upcasters.length)
    throw new Error('two upcasters claim the same type and schema version');
  return <E extends StoredShape>(event: E): E => {
    let current: StoredShape = event;
    for (;;) {
      const upcaster = byKey.get(`${current.type}@${current.metadata.schemaVersion}`);
      if (!upcaster) break;
      const next = upcaster.upcast(current);
      // A version that does not move forward would loop for ever.
      if (!(next.metadata.schemaVersion > current.metadata.schemaVersion)) {
        throw new Error(
          `upcaster for ${current.type}@${current.metadata.schemaVersion} did not raise the version`,
        );
      }
      current = next;
    }
    return current === event ? event : { ...event, ...current };
  };
};

export type Upcasting = ReturnType<typeof createUpcasting>;
