import { z } from 'zod';
import { auditVariables, storageVariables } from '@multitrack/platform';

const count = (minimum: number, message: string) =>
  z.coerce.number({ message }).int({ message }).min(minimum, { message });

/** What the audit module reads, wherever it runs (its own process, or the standalone one); docs/configuration.md. */
export const auditModuleVariables = {
  ...auditVariables,
  DATA_DIR: storageVariables.DATA_DIR,
  /** The checkpoint origin and the log's key name (c2sp.org/signed-note key names: no spaces or `+`). */
  AUDIT_LOG_ORIGIN: z
    .string()
    .regex(/^[^\s+]+$/, 'must be a key name without spaces or +')
    .default('multitrack.example/audit-log'),
  /** The funder in the IATI and HXL exports: the ministry's IATI organisation identifier and name. */
  AUDIT_FUNDER_REF: z
    .string()
    .regex(/^[A-Z]{2}-[A-Za-z0-9]+(-[A-Za-z0-9._-]+)?$/, 'must be an IATI organisation identifier')
    .default('XM-MFA-1'),
  AUDIT_FUNDER_NAME: z.string().min(1).default('Ministry of Foreign Affairs'),
  /** A file holding the signing key (base64 PKCS#8 or PEM), instead of AUDIT_SIGNING_KEY: a mounted secret. */
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** `true`: on a database server, generate and keep the signing key in the database beside the log (decision 0173). */
  AUDIT_SIGNING_KEY_IN_DATABASE: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  /** Heavy reads over the whole log (capacity/heavy-work.ts): how many run at once, how many wait, how many per caller. */
  AUDIT_HEAVY_CONCURRENCY: count(1, 'must be a positive whole number').default(1),
  AUDIT_HEAVY_QUEUE: count(0, 'must be a whole number').default(10),
  AUDIT_HEAVY_PER_CALLER: count(1, 'must be a positive whole number').default(2),
};

export const auditModuleSettings = z.object(auditModuleVariables);
type AuditVariables = z.output<typeof auditModuleSettings>;

/** The audit module's settings, parsed once at start and injected by this class. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- the class is the token, the interface its fields
export interface AuditSettings extends AuditVariables {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AuditSettings {
  constructor(variables: AuditVariables) {
    Object.assign(this, variables);
  }
}
