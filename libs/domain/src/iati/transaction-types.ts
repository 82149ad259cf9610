/**
 * IATI TransactionType codelist codes (strings, as in `<transaction-type code="3"/>`) for the
 * funding events; other events are not IATI transactions.
 */
export const iatiTransactionTypeOf = {
  FundsCommitted: '2', // Outgoing Commitment
  FundsDecommitted: '2', // Outgoing Commitment, negative value (decision 0180)
  FundsDisbursed: '3', // Disbursement
  ExpenditureReported: '4', // Expenditure
} as const;

export type IatiFundingEventType = keyof typeof iatiTransactionTypeOf;
