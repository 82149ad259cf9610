import { Database } from './database.port';
import { openPglite } from './pglite.database';
import { openPostgres } from './postgres.database';

export type DatabaseSettings =
  | { kind: 'postgres'; url: string; maxConnections?: number; applicationName?: string }
  | { kind: 'pglite'; dataDir?: string };

export const openDatabase = (settings: DatabaseSettings): Promise<Database> =>
  settings.kind === 'postgres'
    ? openPostgres({
        connectionString: settings.url,
        maxConnections: settings.maxConnections,
        applicationName: settings.applicationName,
      })
    : openPglite(settings.dataDir);
