import type { Command } from '../shared/decider';
import type { Money } from '../money/money';
import type { OrganizationStatus } from '../organization/organization.state';
import type { RequestStatus } from '../request/request.state';
import type { OfferSubmission } from './offer.state';

/**
 * Facts from other streams that the handler reads and passes in: a decider sees one stream only.
 * A stale fact is caught by the other stream's own rules (e.g. MakeMatch re-checks the request).
 */
export type SubmitOffer = Command<
  'SubmitOffer',
  OfferSubmission & {
    request: { status: RequestStatus | 'none'; currency: string };
    organization: { status: OrganizationStatus | 'none' };
  }
>;

export type ReviseOffer = Command<
  'ReviseOffer',
  { summary?: string; amount?: Money; startDate?: string; endDate?: string }
>;

export type WithdrawOffer = Command<'WithdrawOffer', { reason: string }>;

export type AcceptOffer = Command<'AcceptOffer', { matchId: string }>;

/** Sent to the other offers on a request once one of them is accepted. */
export type DeclineOffer = Command<'DeclineOffer', { matchId: string }>;

export type OfferCommand = SubmitOffer | ReviseOffer | WithdrawOffer | AcceptOffer | DeclineOffer;
