import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { sweepUnattached } from '@multitrack/documents';
import { DOCUMENT_SETTINGS, type DocumentSettings } from './document-settings';
import { DocumentStore } from './document-store';

const EVERY_MS = 10 * 60_000;

/** Removes uploads attached to nothing within DOCUMENT_UNATTACHED_RETENTION_HOURS: at start, then every 10 minutes. */
@Injectable()
export class DocumentSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly documents: DocumentStore,
    @Inject(DOCUMENT_SETTINGS) private readonly settings: DocumentSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.sweep();
    this.timer = setInterval(() => this.sweep(), EVERY_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private sweep(): void {
    if (this.running) return;
    this.running = sweepUnattached(
      this.documents.catalog,
      this.documents.bytes,
      this.settings.unattachedRetentionHours,
    )
      .then((removed) => {
        if (removed > 0) this.logger.log(`removed ${removed} unattached documents`);
      })
      .catch((error: Error) => this.logger.warn(`sweeping unattached documents failed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}
