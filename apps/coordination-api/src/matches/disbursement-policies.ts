import { decimalToMinor, isDomainError, type DisbursementPolicy } from '@multitrack/domain';

export type ApprovalAuthorityMode = 'recorded' | 'any-officer';

/**
 * The four-eyes policy of the configuration (DISBURSEMENT_APPROVAL_*), in each currency's minor
 * units. The threshold is written once for every currency ("100000.00"); for a currency with fewer
 * minor digits its extra decimals are dropped. The configuration checks at start that it fits the
 * ledger in every currency, so no command can fail on it later.
 */
export class DisbursementPolicies {
  private readonly byCurrency = new Map<string, DisbursementPolicy>();
  private readonly whole: string;

  /**
   * `authority`: `any-officer`, any officer but the requester approves; `recorded`, only one whose
   * own or delegated authority covers the tranche (DISBURSEMENT_APPROVAL_AUTHORITY, decision 0210).
   */
  constructor(
    readonly approvalThreshold: string,
    readonly windowDays: number,
    readonly authority: ApprovalAuthorityMode = 'any-officer',
  ) {
    this.whole = approvalThreshold.replace(/\..*$/, '');
  }

  in(currency: string): DisbursementPolicy {
    let policy = this.byCurrency.get(currency);
    if (!policy) {
      const exact = decimalToMinor(this.approvalThreshold, currency);
      const minor = isDomainError(exact) ? decimalToMinor(this.whole, currency) : exact;
      if (isDomainError(minor)) throw new Error(`no approval threshold in ${currency}: ${minor.message}`);
      policy = { approvalThreshold: minor, windowDays: this.windowDays };
      this.byCurrency.set(currency, policy);
    }
    return policy;
  }
}
