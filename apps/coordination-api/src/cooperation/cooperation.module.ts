import { Module } from '@nestjs/common';
import { CooperationMetricsController } from './cooperation-metrics/cooperation-metrics.controller';
import { CooperationMetricsHandler } from './cooperation-metrics/cooperation-metrics.handler';

/** Reads over the cooperation read model (API.md second wave, "Work queues and metrics"). */
@Module({
  controllers: [CooperationMetricsController],
  providers: [CooperationMetricsHandler],
})
export class CooperationModule {}
