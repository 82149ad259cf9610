import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import { DATABASE, EVENT_STORE, ReadinessChecks } from '@multitrack/platform';
import {
  installReadModel,
  matchesReadModel,
  offersReadModel,
  organizationsReadModel,
  requestsReadModel,
} from '@multitrack/read-models';

/** The read models this API queries; their tables exist even before the projector first runs. */
export const queriedReadModels = [
  organizationsReadModel,
  requestsReadModel,
  offersReadModel,
  matchesReadModel,
];

/**
 * At start-up: install (idempotently, under the migrations' advisory lock) the read-model tables
 * the queries need, so a GET answers an empty page rather than a 500 while the projector starts;
 * and tell `/health/ready` to ask the store and the database.
 */
@Injectable()
export class CoordinationStartup implements OnModuleInit {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readiness: ReadinessChecks,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const model of queriedReadModels) await installReadModel(this.db, model);
    // In the standalone process other apps may have registered the same dependencies already.
    const known = new Set(this.readiness.entries().map(([name]) => name));
    if (!known.has('event-store')) this.readiness.register('event-store', () => this.store.ping());
    if (!known.has('database')) this.readiness.register('database', () => this.db.query('SELECT 1'));
  }
}
