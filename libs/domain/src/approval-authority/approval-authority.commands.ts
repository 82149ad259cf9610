import type { Command } from '../shared/decider';
import type { Money } from '../money/money';

/** Admin: the officer's limit in `limit.currency`, replacing any it held there. */
export type GrantApprovalAuthority = Command<
  'GrantApprovalAuthority',
  { officer: string; limit: Money; /** YYYY-MM-DD, inclusive */ validUntil?: string }
>;

export type RevokeApprovalAuthority = Command<'RevokeApprovalAuthority', { currency: string }>;

/** The officer itself lends its authority to `to`. */
export type DelegateApprovalAuthority = Command<
  'DelegateApprovalAuthority',
  { to: string; /** YYYY-MM-DD, inclusive */ until: string; limit?: Money }
>;

/** The delegate's side of a delegation, decided with it. */
export type ReceiveApprovalAuthority = Command<
  'ReceiveApprovalAuthority',
  { officer: string; from: string; until: string; limit?: Money }
>;

/** An approval of `amount` by `metadata.actor` relies on this stream's authority. */
export type ExerciseApprovalAuthority = Command<
  'ExerciseApprovalAuthority',
  { matchId: string; disbursementId: string; amount: Money }
>;

export type ApprovalAuthorityCommand =
  | GrantApprovalAuthority
  | RevokeApprovalAuthority
  | DelegateApprovalAuthority
  | ReceiveApprovalAuthority
  | ExerciseApprovalAuthority;
