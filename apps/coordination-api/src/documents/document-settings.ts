import type { documentVariables } from '@multitrack/platform';
import type { z } from 'zod';

/** What the documents slices are given, once at start (docs/configuration.md). */
export interface DocumentSettings {
  maxBytes: number;
  unattachedRetentionHours: number;
  /** Where the embedded default keeps the bytes (`DATA_DIR/documents`); unused on PostgreSQL. */
  dataDir: string;
}

type DocumentConfig = { [K in keyof typeof documentVariables]: z.output<(typeof documentVariables)[K]> } & {
  DATA_DIR: string;
};

export const documentSettingsOf = (config: DocumentConfig): DocumentSettings => ({
  maxBytes: config.DOCUMENT_MAX_BYTES,
  unattachedRetentionHours: config.DOCUMENT_UNATTACHED_RETENTION_HOURS,
  dataDir: config.DATA_DIR,
});

export const DOCUMENT_SETTINGS = Symbol.for('multitrack.DocumentSettings');
