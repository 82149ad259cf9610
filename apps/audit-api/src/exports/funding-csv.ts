import { stringify } from 'csv-stringify/sync';
import type { FundingTransaction } from '../funding/funding-transaction';
import { iatiTypeOf, statusOf } from '../funding/funding-transaction';
import { numberCell, textCell } from './spreadsheet-cells';

export interface Funder {
  ref: string;
  name: string;
}

interface Column {
  name: string;
  /** Its HXL hashtag (hxlstandard.org). */
  tag: string;
  cell(transaction: FundingTransaction, funder: Funder): string;
}

type Value = (t: FundingTransaction, f: Funder) => string | number;

/** Every cell goes through one of these two gates (spreadsheet-cells.ts): text is escaped, numbers stay numbers. */
const text = (name: string, tag: string, value: Value): Column => ({
  name,
  tag,
  cell: (t, f) => textCell(String(value(t, f))),
});
const number = (name: string, tag: string, value: Value): Column => ({
  name,
  tag,
  cell: (t, f) => numberCell(value(t, f)),
});

const columns: Column[] = [
  text('value_date', '#date', (t) => t.valueDate),
  text('status', '#status', (t) => statusOf[t.kind]),
  number('iati_transaction_type', '#indicator+code+iati_transaction', (t) => iatiTypeOf[t.kind]),
  text('funder', '#org+name+funder', (_, f) => f.name),
  text('funder_ref', '#org+code+funder', (_, f) => f.ref),
  text('implementer', '#org+name+impl', (t) => t.organizationName),
  text('implementer_ref', '#org+code+impl', (t) => t.organizationId),
  number('amount', '#value+funding', (t) => t.amount.amount),
  text('currency', '#currency', (t) => t.amount.currency),
  text('country', '#country+code', (t) => t.country),
  text('tracks', '#sector+track', (t) => t.tracks.join(' ')),
  text('match', '#activity+code', (t) => t.matchId),
  text('request', '#activity+code+request', (t) => t.requestId),
  text('disbursement', '#meta+disbursement', (t) => t.disbursementId ?? ''),
  text('reference', '#meta+reference', (t) => t.reference ?? ''),
  number('discrepancy_expected', '#value+expected', (t) => t.discrepancy?.expected.amount ?? ''),
  number('discrepancy_received', '#value+received', (t) => t.discrepancy?.received.amount ?? ''),
  text('description', '#description', (t) => t.description),
  text('recorded_at', '#date+recorded', (t) => t.recordedAt),
  number('position', '#meta+position', (t) => t.position),
  text('stream', '#meta+stream', (t) => t.streamId),
  number('revision', '#meta+revision', (t) => t.revision),
];

/** The CSV of the funding flows, row by row: header, HXL hashtag row, one row per transaction. */
export async function* fundingCsv(
  transactions: AsyncIterable<FundingTransaction>,
  funder: Funder,
): AsyncGenerator<string> {
  yield stringify([
    columns.map((column) => textCell(column.name)),
    columns.map((column) => textCell(column.tag)),
  ]);
  for await (const transaction of transactions)
    yield stringify([columns.map((column) => column.cell(transaction, funder))]);
}
