import { stringify } from 'csv-stringify/sync';
import type { FundingTransaction } from '../funding/funding-transaction';
import { iatiTypeOf, statusOf } from '../funding/funding-transaction';

export interface Funder {
  ref: string;
  name: string;
}

/** Column, HXL hashtag (hxlstandard.org), value. */
const columns: [string, string, (t: FundingTransaction, funder: Funder) => string | number][] = [
  ['value_date', '#date', (t) => t.valueDate],
  ['status', '#status', (t) => statusOf[t.kind]],
  ['iati_transaction_type', '#indicator+code+iati_transaction', (t) => iatiTypeOf[t.kind]],
  ['funder', '#org+name+funder', (_, f) => f.name],
  ['funder_ref', '#org+code+funder', (_, f) => f.ref],
  ['implementer', '#org+name+impl', (t) => t.organizationName],
  ['implementer_ref', '#org+code+impl', (t) => t.organizationId],
  ['amount', '#value+funding', (t) => t.amount.amount],
  ['currency', '#currency', (t) => t.amount.currency],
  ['country', '#country+code', (t) => t.country],
  ['tracks', '#sector+track', (t) => t.tracks.join(' ')],
  ['match', '#activity+code', (t) => t.matchId],
  ['request', '#activity+code+request', (t) => t.requestId],
  ['disbursement', '#meta+disbursement', (t) => t.disbursementId ?? ''],
  ['reference', '#meta+reference', (t) => t.reference ?? ''],
  ['discrepancy_expected', '#value+expected', (t) => t.discrepancy?.expected.amount ?? ''],
  ['discrepancy_received', '#value+received', (t) => t.discrepancy?.received.amount ?? ''],
  ['description', '#description', (t) => t.description],
  ['recorded_at', '#date+recorded', (t) => t.recordedAt],
  ['position', '#meta+position', (t) => t.position],
  ['stream', '#meta+stream', (t) => t.streamId],
  ['revision', '#meta+revision', (t) => t.revision],
];

/** The CSV of the funding flows, row by row: header, HXL hashtag row, one row per transaction. */
export async function* fundingCsv(transactions: AsyncIterable<FundingTransaction>, funder: Funder): AsyncGenerator<string> {
  yield stringify([columns.map(([name]) => name), columns.map(([, tag]) => tag)]);
  for await (const transaction of transactions) yield stringify([columns.map(([, , value]) => value(transaction, funder))]);
}
