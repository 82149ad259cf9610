import type { SqlExecutor } from '@multitrack/database';
import { decodeCursor, limitOf, pageOf, type Page, type PageOf } from '../cursor';
import { organizationsReadModel } from './organizations.read-model';

export type OrganizationStatus = 'pending' | 'vetted' | 'rejected' | 'suspended';

/** `GET /v1/organizations/{id}` before decryption: the API turns the ciphertext into `contactEmail`. */
export interface OrganizationRecord {
  id: string;
  name: string;
  country: string;
  tracks: number[];
  /** Null once the organisation's personal data was erased. */
  contactEmailCiphertext: string | null;
  personalDataErased: boolean;
  status: OrganizationStatus;
  registeredAt: string;
  revision: number;
}

export interface OrganizationFilters {
  status?: OrganizationStatus;
  country?: string;
  track?: number;
}

interface Row {
  id: string;
  name: string;
  country: string;
  tracks: number[];
  contact_email_ciphertext: string | null;
  personal_data_erased: boolean;
  status: OrganizationStatus;
  registered_at: Date | string;
  revision: number;
}

const s = organizationsReadModel.schema;
const status = `CASE WHEN suspended THEN 'suspended' ELSE vetting END`;
const columns = `id, name, country, tracks, contact_email_ciphertext, personal_data_erased, ${status} AS status, registered_at, revision`;

const toRecord = (row: Row): OrganizationRecord => ({
  id: row.id,
  name: row.name,
  country: row.country,
  tracks: row.tracks.map(Number),
  contactEmailCiphertext: row.contact_email_ciphertext,
  personalDataErased: row.personal_data_erased,
  status: row.status,
  registeredAt: new Date(row.registered_at).toISOString(),
  revision: Number(row.revision),
});

export const findOrganization = async (db: SqlExecutor, id: string): Promise<OrganizationRecord | null> => {
  const { rows } = await db.query<Row>(`SELECT ${columns} FROM ${s}.organizations WHERE id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
};

/** In identifier order; the cursor is the last id. */
export const listOrganizations = async (
  db: SqlExecutor,
  filters: OrganizationFilters = {},
  page: Page = {},
): Promise<PageOf<OrganizationRecord>> => {
  const limit = limitOf(page);
  const [after] = page.cursor ? decodeCursor(page.cursor, ['id']) : [null];
  const { rows } = await db.query<Row>(
    `SELECT ${columns} FROM ${s}.organizations
     WHERE ($1::text IS NULL OR ${status} = $1) AND ($2::text IS NULL OR country = $2)
       AND ($3::int IS NULL OR tracks @> ARRAY[$3::int]) AND ($4::text IS NULL OR id > $4)
     ORDER BY id LIMIT $5`,
    [filters.status ?? null, filters.country ?? null, filters.track ?? null, after ?? null, limit + 1],
  );
  return pageOf(rows, limit, toRecord, (row) => [row.id]);
};
