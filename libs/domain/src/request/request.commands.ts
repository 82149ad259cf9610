import type { Command } from '../shared/decider';
import type { Money } from '../money/money';
import type { RequestPublication } from './request.state';

export type PublishHelpRequest = Command<'PublishHelpRequest', RequestPublication>;

/** Any subset of the fields; at least one. */
export type AmendHelpRequest = Command<
  'AmendHelpRequest',
  { title?: string; description?: string; budget?: Money; neededBy?: string }
>;

export type CancelHelpRequest = Command<'CancelHelpRequest', { reason: string }>;

/** Issued by the match handler once the match is made; `keepOpen` leaves it open for more partners. */
export type MarkRequestMatched = Command<
  'MarkRequestMatched',
  { matchId: string; offerId: string; keepOpen?: boolean }
>;

/** Sent by the commitment handler alongside `CommitFunds`, on the request of the match. */
export type ReserveBudget = Command<'ReserveBudget', { matchId: string; amount: Money }>;

/** Sent by the decommitment handler alongside `DecommitFunds`. */
export type ReleaseBudget = Command<'ReleaseBudget', { matchId: string; amount: Money }>;

/**
 * Sent by the offer handler before the offer stream is written: the request stream then names
 * every offer it received, at an expected revision, so an offer and a concurrent match cannot
 * both win ("offers only on open requests" holds under any interleaving).
 */
export type RecordOffer = Command<'RecordOffer', { offerId: string; organizationId: string }>;

export type CloseHelpRequest = Command<'CloseHelpRequest', { reason?: string }>;

export type RequestCommand =
  | PublishHelpRequest
  | AmendHelpRequest
  | CancelHelpRequest
  | MarkRequestMatched
  | RecordOffer
  | ReserveBudget
  | ReleaseBudget
  | CloseHelpRequest;
