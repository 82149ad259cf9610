import { checkPositive, compare } from '../money/arithmetic';
import { formatMoney } from '../money/format-money';
import { rule, type Decider, type DomainError } from '../shared/decider';
import { officerKey } from '../shared/officer';
import { checkDates, checkText, firstFailure } from '../shared/validation';
import type {
  ApprovalAuthorityCommand,
  DelegateApprovalAuthority,
  ExerciseApprovalAuthority,
  GrantApprovalAuthority,
  ReceiveApprovalAuthority,
  RevokeApprovalAuthority,
} from './approval-authority.commands';
import type { ApprovalAuthorityEvent } from './approval-authority.events';
import { covers, dayOf, ownLimitOn } from './approval-authority.rules';
import {
  evolveApprovalAuthority,
  initialApprovalAuthorityState,
  type ApprovalAuthorityState,
} from './approval-authority.state';

type Outcome = ApprovalAuthorityEvent[] | DomainError;

/** A date that has passed is no authority at all: refused rather than recorded as already expired. */
const checkNotPast = (date: string | undefined, now: string, name: 'valid-until-past' | 'until-past') =>
  date !== undefined && date < dayOf(now)
    ? rule(`approval-authority.${name}`, `${date} is before today (${dayOf(now)})`)
    : undefined;

const grant = ({ data, metadata }: GrantApprovalAuthority, state: ApprovalAuthorityState): Outcome => {
  const { limit, validUntil } = data;
  const failure = firstFailure(
    () => checkText({ sub: data.officer }),
    () => checkPositive(limit, 'limit'),
    () => checkDates({ validUntil }),
    () => checkNotPast(validUntil, metadata.now, 'valid-until-past'),
  );
  if (failure) return failure;
  const officer = officerKey(data.officer);
  const wire = formatMoney(limit);
  const previous = state.status === 'none' ? undefined : state.limits[limit.currency];
  const by = metadata.actor.sub;
  const valid = validUntil === undefined ? {} : { validUntil };
  if (previous === undefined)
    return [{ type: 'ApprovalAuthorityGranted', data: { officer, limit: wire, ...valid, grantedBy: by } }];
  return [
    {
      type: 'ApprovalAuthorityReplaced',
      data: { officer, limit: wire, ...valid, previous: formatMoney(previous.limit), replacedBy: by },
    },
  ];
};

const revoke = ({ data, metadata }: RevokeApprovalAuthority, state: ApprovalAuthorityState): Outcome => {
  if (state.status === 'none' || state.limits[data.currency] === undefined)
    return rule('approval-authority.not-found', `no approval authority in ${data.currency}`);
  return [
    {
      type: 'ApprovalAuthorityRevoked',
      data: { officer: state.officer, currency: data.currency, revokedBy: metadata.actor.sub },
    },
  ];
};

/** Lending what one holds today: in the limit's currency, or (without a limit) in any currency held. */
const checkSomethingToLend = (
  state: ApprovalAuthorityState,
  { limit }: DelegateApprovalAuthority['data'],
  now: string,
) => {
  const day = dayOf(now);
  if (limit === undefined) {
    const held = state.status === 'none' ? [] : Object.keys(state.limits);
    return held.some((currency) => ownLimitOn(state, currency, day))
      ? undefined
      : rule('approval-authority.nothing-to-delegate', 'the officer holds no approval authority valid today');
  }
  const own = ownLimitOn(state, limit.currency, day);
  if (own === undefined)
    return rule(
      'approval-authority.nothing-to-delegate',
      `no approval authority in ${limit.currency} valid today`,
    );
  return compare(limit, own) > 0
    ? rule(
        'approval-authority.delegation-above-authority',
        `the delegation exceeds the officer's own limit of ${formatMoney(own).amount}`,
      )
    : undefined;
};

const delegate = ({ data, metadata }: DelegateApprovalAuthority, state: ApprovalAuthorityState): Outcome => {
  const officer = officerKey(metadata.actor.sub);
  const to = officerKey(data.to);
  const failure = firstFailure(
    () => checkText({ to }),
    () =>
      to === officer
        ? rule('approval-authority.self-delegation', 'an officer lends its authority to another officer')
        : undefined,
    () => checkDates({ until: data.until }),
    () => checkNotPast(data.until, metadata.now, 'until-past'),
    () => (data.limit ? checkPositive(data.limit, 'limit') : undefined),
    () => checkSomethingToLend(state, data, metadata.now),
  );
  if (failure) return failure;
  const limit = data.limit === undefined ? {} : { limit: formatMoney(data.limit) };
  return [{ type: 'ApprovalAuthorityDelegated', data: { officer, to, until: data.until, ...limit } }];
};

const receive = ({ data }: ReceiveApprovalAuthority): Outcome => {
  const limit = data.limit === undefined ? {} : { limit: formatMoney(data.limit) };
  const [officer, from] = [officerKey(data.officer), officerKey(data.from)];
  return [{ type: 'ApprovalAuthorityReceived', data: { officer, from, until: data.until, ...limit } }];
};

const exercise = ({ data, metadata }: ExerciseApprovalAuthority, state: ApprovalAuthorityState): Outcome => {
  const approver = metadata.actor.sub;
  if (state.status === 'none' || !covers(state, approver, data.amount, dayOf(metadata.now)))
    return rule(
      'approval.beyond-authority',
      `${approver} holds no approval authority of at least ${formatMoney(data.amount).amount} ${data.amount.currency} valid today`,
    );
  const key = officerKey(approver);
  return [
    {
      type: 'ApprovalAuthorityExercised',
      data: {
        officer: state.officer,
        approvedBy: key,
        delegated: key !== state.officer,
        matchId: data.matchId,
        disbursementId: data.disbursementId,
        amount: formatMoney(data.amount),
      },
    },
  ];
};

export const decideApprovalAuthority = (
  command: ApprovalAuthorityCommand,
  state: ApprovalAuthorityState,
): Outcome => {
  switch (command.type) {
    case 'GrantApprovalAuthority':
      return grant(command, state);
    case 'RevokeApprovalAuthority':
      return revoke(command, state);
    case 'DelegateApprovalAuthority':
      return delegate(command, state);
    case 'ReceiveApprovalAuthority':
      return receive(command);
    case 'ExerciseApprovalAuthority':
      return exercise(command, state);
  }
};

export const approvalAuthorityDecider: Decider<
  ApprovalAuthorityCommand,
  ApprovalAuthorityEvent,
  ApprovalAuthorityState
> = {
  decide: decideApprovalAuthority,
  evolve: evolveApprovalAuthority,
  initialState: initialApprovalAuthorityState,
};
