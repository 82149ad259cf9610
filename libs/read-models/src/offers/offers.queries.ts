import type { WireMoney } from '@multitrack/domain';
import type { SqlExecutor } from '@multitrack/database';
import type { Page, PageOf } from '../cursor';
import { keysetRows } from '../keyset';
import { wireOf } from '../money-columns';
import { offersReadModel } from './offers.read-model';

export type OfferStatus = 'submitted' | 'withdrawn' | 'accepted' | 'declined';

export interface OfferView {
  id: string;
  requestId: string;
  organizationId: string;
  summary: string;
  amount: WireMoney;
  startDate: string;
  endDate: string;
  status: OfferStatus;
  matchId: string | null;
  submittedAt: string;
  revision: number;
}

interface Row {
  id: string;
  request_id: string;
  organization_id: string;
  summary: string;
  amount_minor: string;
  currency: string;
  start_date: string;
  end_date: string;
  status: OfferStatus;
  match_id: string | null;
  submitted_at: Date | string;
  revision: number;
  submitted_position: number;
}

const s = offersReadModel.schema;
const columns = `id, request_id, organization_id, summary, amount_minor::text AS amount_minor, currency, start_date,
  end_date, status, match_id, submitted_at, revision, submitted_position`;

const toView = (row: Row): OfferView => ({
  id: row.id,
  requestId: row.request_id,
  organizationId: row.organization_id,
  summary: row.summary,
  amount: wireOf(row.amount_minor, row.currency)!,
  startDate: row.start_date,
  endDate: row.end_date,
  status: row.status,
  matchId: row.match_id,
  submittedAt: new Date(row.submitted_at).toISOString(),
  revision: Number(row.revision),
});

export const findOffer = async (db: SqlExecutor, id: string): Promise<OfferView | null> => {
  const { rows } = await db.query<Row>(`SELECT ${columns} FROM ${s}.offers WHERE id = $1`, [id]);
  return rows[0] ? toView(rows[0]) : null;
};

export interface OfferFilters {
  requestId?: string;
  organizationId?: string;
  status?: OfferStatus;
  /** An NGO caller's own organisation: it sees only its offers whatever `organizationId` says. */
  visibleOrganizationId?: string;
}

/** `GET /v1/offers` and a request's offers: oldest first, under any of the filters. */
export const listOffers = async (
  db: SqlExecutor,
  filters: OfferFilters,
  page: Page = {},
): Promise<PageOf<OfferView>> => {
  const { toPage } = await keysetRows<Row>(
    db,
    {
      select: `SELECT ${columns} FROM ${s}.offers`,
      conditions: [
        ['request_id', '=', filters.requestId],
        ['organization_id', '=', filters.organizationId],
        ['organization_id', '=', filters.visibleOrganizationId],
        ['status', '=', filters.status],
      ],
      order: 'submitted_position',
      orderOf: (row) => Number(row.submitted_position),
    },
    page,
  );
  return toPage(toView);
};

/** A request's offers, oldest first; `organizationId` narrows to one NGO's own (NGO callers). */
export const listOffersForRequest = (
  db: SqlExecutor,
  requestId: string,
  filters: { organizationId?: string; status?: OfferStatus } = {},
  page: Page = {},
): Promise<PageOf<OfferView>> => listOffers(db, { ...filters, requestId }, page);
