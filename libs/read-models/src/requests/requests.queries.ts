import type { WireMoney } from '@multitrack/domain';
import type { SqlExecutor } from '@multitrack/database';
import { decodeCursor, limitOf, pageOf, type Page, type PageOf } from '../cursor';
import { wireOf } from '../money-columns';
import { requestsReadModel } from './requests.read-model';

export type RequestStatus = 'open' | 'matched' | 'closed' | 'cancelled';

/** `GET /v1/requests/{id}`. */
export interface RequestView {
  id: string;
  title: string;
  description: string;
  tracks: number[];
  country: string;
  budget: WireMoney;
  neededBy: string;
  status: RequestStatus;
  offerCount: number;
  /** The latest match (the only one unless the request was kept open for more partners). */
  matchId: string | null;
  /** Every match of the request, oldest first. */
  matchIds: string[];
  publishedAt: string;
  revision: number;
}

export interface RequestFilters {
  status?: RequestStatus;
  track?: number;
  country?: string;
}

interface Row {
  id: string;
  title: string;
  description: string;
  tracks: number[];
  country: string;
  budget_minor: string;
  currency: string;
  needed_by: string;
  status: RequestStatus;
  offer_count: number;
  match_id: string | null;
  match_ids: string[] | null;
  published_at: Date | string;
  revision: number;
  published_position: number;
}

const s = requestsReadModel.schema;
const columns = `id, title, description, tracks, country, budget_minor::text AS budget_minor, currency, needed_by,
  status, match_id, published_at, revision, published_position,
  (SELECT count(*) FROM ${s}.request_offers o WHERE o.request_id = r.id AND o.active)::int AS offer_count,
  (SELECT array_agg(m.match_id ORDER BY m.position) FROM ${s}.request_matches m WHERE m.request_id = r.id) AS match_ids`;

const toView = (row: Row): RequestView => ({
  id: row.id,
  title: row.title,
  description: row.description,
  tracks: row.tracks.map(Number),
  country: row.country,
  budget: wireOf(row.budget_minor, row.currency)!,
  neededBy: row.needed_by,
  status: row.status,
  offerCount: Number(row.offer_count),
  matchId: row.match_id,
  matchIds: row.match_ids ?? [],
  publishedAt: new Date(row.published_at).toISOString(),
  revision: Number(row.revision),
});

export const findRequest = async (db: SqlExecutor, id: string): Promise<RequestView | null> => {
  const { rows } = await db.query<Row>(`SELECT ${columns} FROM ${s}.requests r WHERE id = $1`, [id]);
  return rows[0] ? toView(rows[0]) : null;
};

/** Newest first; the cursor is the last item's publication position. */
export const listRequests = async (
  db: SqlExecutor,
  filters: RequestFilters = {},
  page: Page = {},
): Promise<PageOf<RequestView>> => {
  const limit = limitOf(page);
  const [after] = page.cursor ? decodeCursor(page.cursor, ['position']) : [null];
  const { rows } = await db.query<Row>(
    `SELECT ${columns} FROM ${s}.requests r
     WHERE ($1::text IS NULL OR status = $1) AND ($2::int IS NULL OR tracks @> ARRAY[$2::int])
       AND ($3::text IS NULL OR country = $3) AND ($4::int8 IS NULL OR published_position < $4)
     ORDER BY published_position DESC LIMIT $5`,
    [filters.status ?? null, filters.track ?? null, filters.country ?? null, after ?? null, limit + 1],
  );
  return pageOf(rows, limit, toView, (row) => [Number(row.published_position)]);
};
