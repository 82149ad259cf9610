import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { IdempotencyModule } from '@multitrack/platform';
import type { CoordinationSettings } from './coordination-api.config';
import { ApprovalAuthoritiesModule } from './approval-authorities/approval-authorities.module';
import { ConsoleModule } from './console/console.module';
import { CoordinationStartup } from './coordination-startup';
import { CooperationModule } from './cooperation/cooperation.module';
import { DocumentsModule } from './documents/documents.module';
import { CommandProblemsInterceptor } from './http/command-problems.interceptor';
import { HttpCommandSpanInterceptor } from './http/http-command-span.interceptor';
import { MatchesModule } from './matches/matches.module';
import { OffersModule } from './offers/offers.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { RequestsModule } from './requests/requests.module';

/**
 * The REST API for officers and NGOs: commands in, entity reads out. It needs the adapters from
 * `InfrastructureModule` (event store, database, personal-data vault), provided by whoever boots it,
 * and its settings, parsed once at start (`coordinationSettingsOf`).
 */
@Module({})
export class CoordinationApiModule {
  static forRoot(settings: CoordinationSettings): DynamicModule {
    return {
      module: CoordinationApiModule,
      imports: [
        CqrsModule.forRoot(),
        IdempotencyModule.forRoot(settings.idempotency),
        OrganizationsModule,
        RequestsModule,
        OffersModule,
        MatchesModule.forRoot(settings.disbursementPolicies),
        CooperationModule,
        ApprovalAuthoritiesModule,
        ConsoleModule.forRoot(settings.console),
        DocumentsModule.forRoot(settings.documents),
      ],
      providers: [
        CoordinationStartup,
        { provide: APP_INTERCEPTOR, useClass: HttpCommandSpanInterceptor },
        { provide: APP_INTERCEPTOR, useClass: CommandProblemsInterceptor },
      ],
    };
  }
}
