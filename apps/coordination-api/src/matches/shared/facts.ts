import {
  decimalToMinor,
  foldEvents,
  isDomainError,
  organizationDecider,
  requestDecider,
  streamIdOf,
  type DisbursementPolicy,
  type OrganizationStatus,
  type RequestState,
} from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';

/** Facts from other streams, read afresh on every (re-)decision: a decider sees one stream only. */
export const organizationStatus = async (
  store: EventStore,
  organizationId: string,
): Promise<{ status: OrganizationStatus | 'none' }> => {
  const history = await store.readStream(streamIdOf('organization', organizationId));
  return { status: foldEvents(organizationDecider, history).status };
};

export const helpRequest = async (store: EventStore, requestId: string): Promise<RequestState> =>
  foldEvents(requestDecider, await store.readStream(streamIdOf('request', requestId)));

/** The `disbursementVariables` of the app's configuration; their documented defaults when absent. */
export interface DisbursementSettings {
  DISBURSEMENT_APPROVAL_THRESHOLD?: string;
  DISBURSEMENT_APPROVAL_WINDOW_DAYS?: number | string;
}

export const DEFAULT_APPROVAL_THRESHOLD = '100000.00';
export const DEFAULT_APPROVAL_WINDOW_DAYS = 30;

/**
 * The four-eyes policy in the match currency. The threshold is written once for every currency
 * ("100000.00"); for a currency with fewer minor digits its extra decimals are dropped.
 */
export const disbursementPolicy = (settings: DisbursementSettings, currency: string): DisbursementPolicy => {
  const threshold = settings.DISBURSEMENT_APPROVAL_THRESHOLD ?? DEFAULT_APPROVAL_THRESHOLD;
  const exact = decimalToMinor(threshold, currency);
  const minor = isDomainError(exact) ? decimalToMinor(threshold.replace(/\..*$/, ''), currency) : exact;
  if (isDomainError(minor)) throw new Error(`DISBURSEMENT_APPROVAL_THRESHOLD ${threshold}: ${minor.message}`);
  const windowDays = Number(settings.DISBURSEMENT_APPROVAL_WINDOW_DAYS ?? DEFAULT_APPROVAL_WINDOW_DAYS);
  return { approvalThreshold: minor, windowDays };
};
