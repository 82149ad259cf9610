import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Database } from '@multitrack/database';
import { DATABASE } from '@multitrack/platform';
import { cooperationSummary, type CooperationSummary } from '@multitrack/read-models';
import type { CooperationMetricsQueryDto } from './cooperation-metrics.dto';

export class CooperationMetricsQuery extends Query<CooperationSummary> {
  constructor(readonly query: CooperationMetricsQueryDto) {
    super();
  }
}

@QueryHandler(CooperationMetricsQuery)
export class CooperationMetricsHandler implements IQueryHandler<CooperationMetricsQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  execute({ query: { track, country } }: CooperationMetricsQuery) {
    return cooperationSummary(this.db, { track, country });
  }
}
