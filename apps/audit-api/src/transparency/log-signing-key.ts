import type { Database } from '@multitrack/database';
import { ConfigError } from '@multitrack/platform';
import {
  loadOrCreateSigningKey,
  loadSigner,
  NoteSigner,
  readSigningKeyFile,
} from '@multitrack/transparency-log';
import type { AuditSettings } from '../audit-settings';

export interface LogSigningKey {
  signer: NoteSigner;
  /** Where it came from, for the start-up log line. */
  source: string;
}

const refuse = (variable: string, reason: string): never => {
  throw new ConfigError([{ variable, reason }]);
};

const privateKeyOf = async (
  settings: AuditSettings,
  db: Database,
): Promise<{ key: string; source: string; variable: string }> => {
  const { AUDIT_SIGNING_KEY, AUDIT_SIGNING_KEY_FILE, AUDIT_SIGNING_KEY_IN_DATABASE, DATA_DIR } = settings;
  if (AUDIT_SIGNING_KEY && AUDIT_SIGNING_KEY_FILE)
    return refuse(
      'AUDIT_SIGNING_KEY_FILE',
      'must not be set together with AUDIT_SIGNING_KEY: set one of them',
    );
  if (AUDIT_SIGNING_KEY_IN_DATABASE && (AUDIT_SIGNING_KEY || AUDIT_SIGNING_KEY_FILE))
    return refuse(
      'AUDIT_SIGNING_KEY_IN_DATABASE',
      'must not be true when the key is given by AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE',
    );
  if (AUDIT_SIGNING_KEY)
    return { key: AUDIT_SIGNING_KEY, source: 'AUDIT_SIGNING_KEY', variable: 'AUDIT_SIGNING_KEY' };
  if (AUDIT_SIGNING_KEY_FILE) {
    const key = await readSigningKeyFile(AUDIT_SIGNING_KEY_FILE).catch((error: unknown) =>
      refuse(
        'AUDIT_SIGNING_KEY_FILE',
        `cannot be read as a key (${error instanceof Error ? error.message : String(error)})`,
      ),
    );
    return {
      key,
      source: `AUDIT_SIGNING_KEY_FILE (${AUDIT_SIGNING_KEY_FILE})`,
      variable: 'AUDIT_SIGNING_KEY_FILE',
    };
  }
  // The embedded default: one process, its data directory is its only store; nothing to set.
  if (db.kind === 'pglite')
    return {
      key: await loadOrCreateSigningKey({ dataDir: DATA_DIR }),
      source: `a key generated in ${DATA_DIR}`,
      variable: 'AUDIT_SIGNING_KEY',
    };
  if (AUDIT_SIGNING_KEY_IN_DATABASE)
    return {
      key: await loadOrCreateSigningKey({ db }),
      source: 'a key generated and kept in the database (AUDIT_SIGNING_KEY_IN_DATABASE=true)',
      variable: 'AUDIT_SIGNING_KEY_IN_DATABASE',
    };
  return refuse(
    'AUDIT_SIGNING_KEY',
    'is required on a database server (or AUDIT_SIGNING_KEY_FILE): a key kept in the database that holds the log lets whoever can rewrite the log sign for it; set AUDIT_SIGNING_KEY_IN_DATABASE=true to accept that',
  );
};

/**
 * The key that signs checkpoints (decision 0173): AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE,
 * from outside the database; with neither, the embedded default generates one in DATA_DIR, and a
 * database server refuses to start unless AUDIT_SIGNING_KEY_IN_DATABASE=true. Every refusal is a
 * ConfigError naming its variable: the app stops with one line.
 */
export const loadLogSigningKey = async (settings: AuditSettings, db: Database): Promise<LogSigningKey> => {
  const { key, source, variable } = await privateKeyOf(settings, db);
  try {
    return { signer: loadSigner({ name: settings.AUDIT_LOG_ORIGIN, privateKeyPkcs8Base64: key }), source };
  } catch (error) {
    return refuse(
      variable,
      `must hold a PKCS#8 Ed25519 private key (${error instanceof Error ? error.message : String(error)})`,
    );
  }
};
