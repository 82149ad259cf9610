import { iatiTransactionTypeOf, WireMoney } from '@multitrack/domain';
import type { RecordedEvent } from '@multitrack/event-store';
import type { FundingDirectory } from './funding-directory';

/**
 * One movement of money as the exports show it. `receipt` is the NGO's confirmation of what
 * arrived (IATI 1, incoming funds, seen from the implementer); `reversal` a disbursement that
 * came back (IATI 3 with a negative value); `decommitment` committed money given back (IATI 2 with
 * a negative value, decision 0180), so the type-2 total is what stays committed.
 */
export type FundingKind =
  'commitment' | 'decommitment' | 'disbursement' | 'reversal' | 'receipt' | 'expenditure';

export const iatiTypeOf: Record<FundingKind, string> = {
  commitment: iatiTransactionTypeOf.FundsCommitted,
  decommitment: iatiTransactionTypeOf.FundsDecommitted,
  disbursement: iatiTransactionTypeOf.FundsDisbursed,
  reversal: iatiTransactionTypeOf.FundsDisbursed,
  receipt: '1',
  expenditure: iatiTransactionTypeOf.ExpenditureReported,
};

/** The status column of the CSV (`#status`). */
export const statusOf: Record<FundingKind, string> = {
  commitment: 'committed',
  decommitment: 'decommitted',
  disbursement: 'disbursed',
  reversal: 'reversed',
  receipt: 'received',
  expenditure: 'spent',
};

export interface FundingTransaction {
  kind: FundingKind;
  matchId: string;
  requestId: string;
  organizationId: string;
  organizationName: string;
  /** The recipient country of the request (ISO 3166-1 alpha-2). */
  country: string;
  tracks: number[];
  amount: WireMoney;
  /** YYYY-MM-DD: when the money moved (or was committed, or spent). */
  valueDate: string;
  recordedAt: string;
  position: number;
  streamId: string;
  revision: number;
  disbursementId?: string;
  reference?: string;
  discrepancy?: { expected: WireMoney; received: WireMoney };
  description: string;
}

const day = (iso: string | Date) => (typeof iso === 'string' ? iso : iso.toISOString()).slice(0, 10);
const negative = ({ amount, currency }: WireMoney): WireMoney => ({
  amount: amount.startsWith('-') ? amount.slice(1) : `-${amount}`,
  currency,
});

/** When the money of a funding event moved (YYYY-MM-DD); undefined for events that move none. */
export const valueDateOf = (event: RecordedEvent): string | undefined => {
  const data = event.data as Record<string, never>;
  switch (event.type) {
    case 'FundsCommitted':
    case 'FundsDecommitted':
    case 'DisbursementReversed':
      return day(event.recordedAt);
    case 'FundsDisbursed':
      return day(data.disbursedAt);
    case 'DisbursementReceiptConfirmed':
      return data.receivedOn;
    case 'ExpenditureReported':
    case 'ExpenditureReportReviewed':
      return (data.period as { to: string }).to;
    default:
      return undefined;
  }
};

/** What earlier events of a flow said that a later one needs: payment references, what reports were for. */
export interface FlowMemory {
  /** Disbursement id → the ministry's payment reference. */
  references: Map<string, string>;
  /** Report id → the NGO's description of what the money was spent on. */
  reports: Map<string, string>;
}

export const newFlowMemory = (): FlowMemory => ({ references: new Map(), reports: new Map() });

/**
 * The funding transaction an event is, if any. Expenditure (IATI type 4) is what an officer
 * accepted: a report counts when its review accepts it, never on arrival (docs/audit.md).
 */
export const fundingTransactionOf = (
  directory: FundingDirectory,
  { references, reports }: FlowMemory,
  event: RecordedEvent,
): FundingTransaction | undefined => {
  const data = event.data as Record<string, never>;
  if (event.type === 'DisbursementRequested') references.set(data.disbursementId, data.reference);
  if (event.type === 'ExpenditureReported') reports.set(data.reportId, data.description);
  const match = directory.matches.get(data.matchId);
  if (!match || !event.streamId.startsWith('match-')) return undefined;
  const request = directory.requests.get(match.requestId);
  const base = {
    matchId: match.matchId,
    requestId: match.requestId,
    organizationId: match.organizationId,
    organizationName: directory.organizations.get(match.organizationId)?.name ?? match.organizationId,
    country: request?.country ?? '',
    tracks: request?.tracks ?? [],
    recordedAt: event.recordedAt.toISOString(),
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
  };
  const disbursement = (id: string) => ({ disbursementId: id, reference: references.get(id) ?? '' });
  switch (event.type) {
    case 'FundsCommitted':
      return {
        ...base,
        kind: 'commitment',
        amount: data.amount,
        valueDate: valueDateOf(event)!,
        description: 'Funds committed',
      };
    case 'FundsDecommitted':
      return {
        ...base,
        kind: 'decommitment',
        amount: negative(data.amount),
        valueDate: valueDateOf(event)!,
        description: `Commitment reduced: ${data.reason}`,
      };
    case 'FundsDisbursed':
      return {
        ...base,
        ...disbursement(data.disbursementId),
        kind: 'disbursement',
        amount: data.amount,
        valueDate: valueDateOf(event)!,
        description: `Tranche ${data.reference} disbursed`,
      };
    case 'DisbursementReversed':
      return {
        ...base,
        ...disbursement(data.disbursementId),
        kind: 'reversal',
        amount: negative(data.amount),
        valueDate: valueDateOf(event)!,
        description: `Tranche reversed: ${data.reason}`,
      };
    case 'DisbursementReceiptConfirmed': {
      const discrepancy = data.discrepancy as FundingTransaction['discrepancy'];
      const differs = discrepancy
        ? `; discrepancy: ${discrepancy.expected.amount} sent, ${discrepancy.received.amount} received`
        : '';
      return {
        ...base,
        ...disbursement(data.disbursementId),
        kind: 'receipt',
        amount: data.amount,
        valueDate: valueDateOf(event)!,
        ...(discrepancy ? { discrepancy } : {}),
        description: `Receipt confirmed by the implementer${differs}`,
      };
    }
    case 'ExpenditureReportReviewed':
      if (data.decision !== 'accepted') return undefined;
      return {
        ...base,
        kind: 'expenditure',
        amount: data.amount,
        valueDate: valueDateOf(event)!,
        description: reports.get(data.reportId) ?? `Expenditure report ${data.reportId}`,
      };
    default:
      return undefined;
  }
};
