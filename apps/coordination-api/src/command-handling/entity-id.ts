import { v4 as randomUuid, v5 as uuidV5 } from 'uuid';

// Fixed forever: changing it would give a retried command a new entity id.
const namespace = '2f0c8a51-7d4e-5b8f-9c1a-6e3d2b4f8a07';

/**
 * The id of an entity a command creates (request, offer). Derived from the caller, the route and
 * the Idempotency-Key when there is one, so a retry after a crash re-decides the very same events
 * (the store dedupes them by event id) and answers with the same id; random otherwise.
 */
export const entityIdFor = (scope: { sub: string; route: string; idempotencyKey?: string }): string =>
  scope.idempotencyKey === undefined
    ? randomUuid()
    : uuidV5(JSON.stringify([scope.sub, scope.route, scope.idempotencyKey]), namespace);
