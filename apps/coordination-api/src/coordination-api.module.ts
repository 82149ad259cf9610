import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { IdempotencyModule } from '@multitrack/platform';
import { HttpCommandSpanInterceptor } from './command-handling/http-command-span.interceptor';
import { CoordinationStartup } from './coordination-startup';
import { CoordinationProblemsInterceptor } from './http/coordination-problems.interceptor';
import { MatchesModule } from './matches/matches.module';
import { OffersModule } from './offers/offers.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { RequestsModule } from './requests/requests.module';

/**
 * The REST API for officers and NGOs: commands in, entity reads out. It needs the adapters from
 * `InfrastructureModule` (event store, database, personal-data vault), provided by whoever boots it.
 * Idempotency keys are scoped to the verified caller (`sub`) and the route with its parameters.
 */
@Module({
  imports: [
    CqrsModule.forRoot(),
    IdempotencyModule.forRoot(),
    OrganizationsModule,
    RequestsModule,
    OffersModule,
    MatchesModule,
  ],
  providers: [
    CoordinationStartup,
    { provide: APP_INTERCEPTOR, useClass: HttpCommandSpanInterceptor },
    { provide: APP_INTERCEPTOR, useClass: CoordinationProblemsInterceptor },
  ],
})
export class CoordinationApiModule {}
