import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import { APP_SETTINGS, DATABASE, EVENT_STORE, ReadinessChecks } from '@multitrack/platform';
import {
  Checkpointer,
  CheckpointStore,
  createCheckpointer,
  createCheckpointStore,
  createTransparencyLog,
  loadOrCreateSigningKey,
  loadSigner,
  migrateTransparencyLog,
  NoteSigner,
  parseWitnessKeys,
  TransparencyLog,
  WitnessKey,
} from '@multitrack/transparency-log';
import { AuditSettings, readAuditSettings } from '../audit-settings';
import { LogFeeder } from './log-feeder';
import { migrateLeafPositions } from './leaf-positions';

/**
 * The transparency log of this process: the Merkle tree fed from the event store, the signed
 * checkpoints and the keys. Started with the app, stopped before it closes its adapters.
 */
@Injectable()
export class AuditLog implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditLog');
  readonly settings: AuditSettings;
  readonly tree: TransparencyLog;
  readonly checkpoints: CheckpointStore;
  readonly witnessKeys: WitnessKey[];
  readonly feeder: LogFeeder;
  signer!: NoteSigner;
  private checkpointer?: Checkpointer;

  constructor(
    @Inject(DATABASE) readonly db: Database,
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(APP_SETTINGS) settings: Record<string, unknown>,
    private readonly readiness: ReadinessChecks,
  ) {
    this.settings = readAuditSettings(settings);
    this.witnessKeys = parseWitnessKeys(this.settings.AUDIT_WITNESS_KEYS);
    this.tree = createTransparencyLog(db);
    this.checkpoints = createCheckpointStore(db);
    this.feeder = new LogFeeder({ store, db, log: this.tree, onError: (error) => this.logger.warn(`feeding the transparency log: ${String(error)}`) });
  }

  async onModuleInit(): Promise<void> {
    await migrateTransparencyLog(this.db);
    await migrateLeafPositions(this.db);
    // Embedded (PGlite): a file in DATA_DIR; a server: the database, shared by every replica.
    const privateKey =
      this.settings.AUDIT_SIGNING_KEY ??
      (await loadOrCreateSigningKey(this.db.kind === 'pglite' ? { dataDir: this.settings.DATA_DIR } : { db: this.db }));
    this.signer = loadSigner({ name: this.settings.AUDIT_LOG_ORIGIN, privateKeyPkcs8Base64: privateKey });
    this.readiness.register('audit-event-store', () => this.store.ping());
    this.readiness.register('audit-transparency-log', () => this.tree.size());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.feeder.start();
    this.checkpointer = createCheckpointer({
      log: this.tree,
      checkpoints: this.checkpoints,
      signer: this.signer,
      origin: this.signer.name,
      intervalSeconds: this.settings.AUDIT_CHECKPOINT_INTERVAL_S,
      onError: (error) => this.logger.error(`signing a checkpoint: ${String(error)}`),
    });
    this.checkpointer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.checkpointer?.stop();
    await this.feeder.stop();
  }

  /** Signs a checkpoint of the tree as it is now, if it grew (tests, the CLI's `--wait`). */
  checkpointNow() {
    if (!this.checkpointer) throw new Error('the audit log is not started');
    return this.checkpointer.checkpointNow();
  }
}
