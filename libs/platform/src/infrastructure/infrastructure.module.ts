import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import type { MessageBus } from '@multitrack/messaging';
import type { PersonalDataVault } from '@multitrack/personal-data';
import { DATABASE, EVENT_STORE, MESSAGE_BUS, PERSONAL_DATA_VAULT } from './tokens';

/** The adapters one process runs on: opened by `main.ts`, closed by it after the app stops. */
export interface Infrastructure {
  db: Database;
  /** Absent where a process reads no events (the projector: its rebuilds run from the CLI). */
  store?: EventStore;
  bus?: MessageBus;
  vault?: PersonalDataVault;
}

/**
 * Makes the already-open adapters injectable everywhere in the app (global), so feature modules
 * ask for `EVENT_STORE` or `DATABASE` and never know which adapter is behind it.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(infrastructure: Infrastructure): DynamicModule {
    const providers: Provider[] = [
      { provide: DATABASE, useValue: infrastructure.db },
      { provide: EVENT_STORE, useValue: infrastructure.store ?? null },
      { provide: MESSAGE_BUS, useValue: infrastructure.bus ?? null },
      { provide: PERSONAL_DATA_VAULT, useValue: infrastructure.vault ?? null },
    ];
    return {
      module: InfrastructureModule,
      providers,
      exports: providers.map((provider) => (provider as { provide: symbol }).provide),
    };
  }
}
