import type { SqlExecutor } from '@multitrack/database';
import type { WireMoney } from '@multitrack/domain';
import { decodeCursor, limitOf, pageOf, type Page, type PageOf } from '../cursor';
import { wireOf } from '../money-columns';
import { approvalAuthoritiesReadModel } from './approval-authorities.read-model';

/** One officer in the register (API.md): its limits, and what it lent, each as it stands now. */
export interface ApprovalAuthorityView {
  sub: string;
  limits: { limit: WireMoney; validUntil?: string }[];
  /** `limit`: what the delegate may approve, never above the lender's own limit in that currency. */
  delegations: { to: string; until: string; limit: WireMoney }[];
}

interface LimitRow {
  officer: string;
  currency: string;
  limit_minor: string;
  valid_until: string | null;
}
interface DelegationRow {
  officer: string;
  to_officer: string;
  currency: string | null;
  until: string;
  limit_minor: string | null;
}

const s = approvalAuthoritiesReadModel.schema;

const smaller = (a: string, b: string) => (BigInt(a) <= BigInt(b) ? a : b);

/** A delegation without a limit lends every currency the lender holds: one entry per currency. */
const delegationsOf = (lent: DelegationRow[], limits: LimitRow[]) =>
  lent.flatMap((d) =>
    limits
      .filter((own) => d.currency === null || own.currency === d.currency)
      .map((own) => ({
        to: d.to_officer,
        until: d.until,
        limit: wireOf(
          d.limit_minor === null ? own.limit_minor : smaller(d.limit_minor, own.limit_minor),
          own.currency,
        )!,
      })),
  );

/**
 * Officers holding a limit or lending one, in identifier order; the cursor is the last officer.
 * Revoked limits and what went with them are left out (the log keeps them); an expired limit is
 * listed with its `validUntil`, which says it.
 */
export const listApprovalAuthorities = async (
  db: SqlExecutor,
  page: Page = {},
): Promise<PageOf<ApprovalAuthorityView>> => {
  const limit = limitOf(page);
  const [after] = page.cursor ? decodeCursor(page.cursor, ['id']) : [null];
  const { rows: officers } = await db.query<{ id: string }>(
    `SELECT o.id FROM ${s}.officers o
     WHERE ($1::text IS NULL OR o.id > $1)
       AND EXISTS (SELECT 1 FROM ${s}.limits l WHERE l.officer = o.id AND NOT l.revoked)
     ORDER BY o.id LIMIT $2`,
    [after ?? null, limit + 1],
  );
  const ids = officers.slice(0, limit).map((row) => row.id);
  const [{ rows: limits }, { rows: lent }] = await Promise.all([
    db.query<LimitRow>(
      `SELECT officer, currency, limit_minor::text, valid_until FROM ${s}.limits
       WHERE officer = ANY($1::text[]) AND NOT revoked ORDER BY officer, currency`,
      [ids],
    ),
    db.query<DelegationRow>(
      `SELECT officer, to_officer, currency, until, limit_minor::text FROM ${s}.delegations
       WHERE officer = ANY($1::text[]) AND NOT withdrawn ORDER BY officer, to_officer, currency`,
      [ids],
    ),
  ]);
  return pageOf(
    officers,
    limit,
    ({ id }) => {
      const own = limits.filter((row) => row.officer === id);
      return {
        sub: id,
        limits: own.map((row) => ({
          limit: wireOf(row.limit_minor, row.currency)!,
          ...(row.valid_until !== null && { validUntil: row.valid_until }),
        })),
        delegations: delegationsOf(
          lent.filter((row) => row.officer === id),
          own,
        ),
      };
    },
    (row) => [row.id],
  );
};
