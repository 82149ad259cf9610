/**
 * Document throughput (never part of `npm test`):
 *   node -r @swc-node/register bench/documents/run.ts      (or `npm run bench -- --only documents`)
 * The coordination API in this process, on a real port, on both modes: the embedded default
 * (PGlite, bytes as files under a scratch DATA_DIR) and the PostgreSQL server (bytes as 1 MiB
 * bytea rows). BENCH_DOCUMENTS documents of BENCH_DOCUMENT_MIB MiB are uploaded one after the other
 * (`POST /v1/documents`: streamed, signature-checked, hashed, stored), then downloaded (`GET
 * /v1/documents/{id}`); MB/s beside the ceiling measured in the same run: a raw copy of a file of
 * the same size on the same disk (`fs.copyFile`), which is what storing bytes costs at least.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevelopmentToken } from '@multitrack/auth';
import { openPglite, openPostgres, type Database } from '@multitrack/database';
import { openEventStore } from '@multitrack/event-store';
import { createInProcessBus } from '@multitrack/messaging';
import { createPersonalDataVault } from '@multitrack/personal-data';
import { createHttpApp, InfrastructureModule, parseConfig, httpAppConfig } from '@multitrack/platform';
import {
  coordinationApiConfig,
  coordinationSettingsOf,
} from '../../apps/coordination-api/src/coordination-api.config';
import { CoordinationApiModule } from '../../apps/coordination-api/src/coordination-api.module';
import { printMeasurement, round, type Measurement } from '../support/measurement';
import { scratchDatabase } from '../support/scratch-database';

const documents = Number(process.env.BENCH_DOCUMENTS ?? 8);
const mib = Number(process.env.BENCH_DOCUMENT_MIB ?? 8);
const size = mib * 1024 * 1024;
const secret = 'bench-documents-secret-of-at-least-32-characters';
const MB = 1e6;

const timed = async (work: () => Promise<void>): Promise<number> => {
  const began = performance.now();
  await work();
  return (performance.now() - began) / 1000;
};

/** A raw copy of a file of the same size, as often as the API moves documents: the ceiling. */
const rawCopy = async (dir: string): Promise<number> => {
  const source = join(dir, 'source.bin');
  await writeFile(source, randomBytes(size));
  const seconds = await timed(async () => {
    for (let i = 0; i < documents; i++) await copyFile(source, join(dir, `copy-${i}.bin`));
  });
  return (documents * size) / MB / seconds;
};

const benchMode = async (kind: 'pglite' | 'postgres', db: Database, dataDir: string, ceiling: number) => {
  const store = await openEventStore({ kind, database: db });
  const masterKey = randomBytes(32);
  const vault = await createPersonalDataVault(db, masterKey);
  const config = parseConfig(httpAppConfig, {
    AUTH_JWT_SECRET: secret,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const settings = coordinationSettingsOf(
    parseConfig(coordinationApiConfig, {
      PERSONAL_DATA_MASTER_KEY: masterKey.toString('base64'),
      DATA_DIR: dataDir,
      DOCUMENT_MAX_BYTES: String(size + 1024),
    }),
    masterKey,
  );
  const app = await createHttpApp(
    {
      module: CoordinationApiModule,
      imports: [
        InfrastructureModule.forRoot({ db, store, vault, bus: createInProcessBus() }),
        CoordinationApiModule.forRoot(settings),
      ],
    },
    { config, openApi: { title: 'documents bench' } },
  );
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const token = await signDevelopmentToken({ secret, sub: 'bench-officer', roles: ['officer'] });
  const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
  const ids: string[] = [];
  try {
    const up = await timed(async () => {
      for (let i = 0; i < documents; i++) {
        const response = await fetch(`${url}/v1/documents`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
          body,
        });
        if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
        ids.push(((await response.json()) as { id: string }).id);
      }
    });
    const down = await timed(async () => {
      for (const id of ids) {
        const response = await fetch(`${url}/v1/documents/${id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        let received = 0;
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
          received += chunk.length;
        if (response.status !== 200 || received !== size)
          throw new Error(`download: ${response.status}, ${received} bytes`);
      }
    });
    for (const [direction, seconds] of [
      ['upload', up],
      ['download', down],
    ] as const) {
      const throughput = round((documents * size) / MB / seconds);
      const measurement: Measurement = {
        bench: `documents.${direction}.${kind}`,
        throughput,
        unit: 'MB/s',
        ceiling: { bench: 'documents.raw-file-copy', throughput: ceiling },
        ratio: round(throughput / ceiling, 3),
        documents,
        documentMiB: mib,
        storage: kind === 'pglite' ? 'files under DATA_DIR' : 'bytea rows on PostgreSQL',
      };
      printMeasurement(measurement);
    }
  } finally {
    await app.close();
    await store.close();
  }
};

const main = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'multitrack-bench-documents-'));
  const scratch = await scratchDatabase('multitrack_bench_documents');
  try {
    const ceiling = round(await rawCopy(dir));
    printMeasurement({
      bench: 'documents.raw-file-copy',
      throughput: ceiling,
      unit: 'MB/s',
      documents,
      documentMiB: mib,
    });
    const pglite = await openPglite(join(dir, 'pglite'));
    await benchMode('pglite', pglite, dir, ceiling);
    await pglite.close();
    const postgres = await openPostgres({ connectionString: scratch.url, maxConnections: 10 });
    await benchMode('postgres', postgres, dir, ceiling);
    await postgres.close();
  } finally {
    await scratch.drop();
    await rm(dir, { recursive: true, force: true });
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
