import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IdempotencyModule } from '@multitrack/platform';
import { MatchesModule } from './matches/matches.module';
import { OffersModule } from './offers/offers.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { RequestsModule } from './requests/requests.module';

/**
 * The REST API for officers and NGOs: commands in, entity reads out. It needs the adapters from
 * `InfrastructureModule` (event store, database, personal-data vault), provided by whoever boots it.
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
})
export class CoordinationApiModule {}
