import fc from 'fast-check';
import { money } from '../money/money';
import { isDomainError, type CommandMetadata } from '../shared/decider';
import { by } from '../testing/fixtures';
import type { ApprovalAuthorityCommand } from './approval-authority.commands';
import { approvalAuthorityDecider } from './approval-authority.decide';
import type { ApprovalAuthorityState } from './approval-authority.state';

/**
 * The authority rule (API.md): an approval relying on alice's stream is accepted only when, on
 * that day, alice holds an unexpired limit in the tranche's currency of at least its amount and
 * either alice approves herself or she lent to the approver — after her last revocation in that
 * currency, until a day not passed — at least that amount. Checked against a model kept apart
 * from the decider, over any sequence of grants, revocations, delegations and approvals.
 */
const admin: CommandMetadata['actor'] = { sub: 'root', roles: ['admin'] };
const approvers = ['alice', 'bob', 'carol'];
const currencies = ['USD', 'EUR'];
const dayOn = (n: number) => `2025-06-${String(n).padStart(2, '0')}`;

const step = fc.oneof(
  fc.record({
    kind: fc.constant('grant' as const),
    currency: fc.constantFrom(...currencies),
    minor: fc.integer({ min: 1, max: 1000 }),
    validUntil: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('revoke' as const), currency: fc.constantFrom(...currencies) }),
  fc.record({
    kind: fc.constant('delegate' as const),
    to: fc.constantFrom('bob', 'carol'),
    until: fc.integer({ min: 1, max: 28 }),
    limit: fc.option(
      fc.record({ currency: fc.constantFrom(...currencies), minor: fc.integer({ min: 1, max: 1000 }) }),
      { nil: undefined },
    ),
  }),
  fc.record({
    kind: fc.constant('approve' as const),
    approver: fc.constantFrom(...approvers),
    currency: fc.constantFrom(...currencies),
    minor: fc.integer({ min: 1, max: 1000 }),
  }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

interface Model {
  own: Map<string, { minor: number; validUntil?: number }>;
  lent: { to: string; until: number; currency?: string; minor?: number }[];
}

const allowedByModel = (model: Model, approver: string, currency: string, minor: number, day: number) => {
  const own = model.own.get(currency);
  if (!own || (own.validUntil !== undefined && own.validUntil < day) || own.minor < minor) return false;
  if (approver === 'alice') return true;
  return model.lent.some(
    (d) =>
      d.to === approver &&
      d.until >= day &&
      (d.currency === undefined || (d.currency === currency && d.minor! >= minor)),
  );
};

const commandOf = (s: Step, day: number): ApprovalAuthorityCommand => {
  const at = `${dayOn(day)}T10:00:00.000Z`;
  switch (s.kind) {
    case 'grant':
      return {
        type: 'GrantApprovalAuthority',
        data: {
          officer: 'alice',
          limit: money(BigInt(s.minor), s.currency),
          validUntil: s.validUntil === undefined ? undefined : dayOn(s.validUntil),
        },
        metadata: by(admin, at),
      };
    case 'revoke':
      return { type: 'RevokeApprovalAuthority', data: { currency: s.currency }, metadata: by(admin, at) };
    case 'delegate':
      return {
        type: 'DelegateApprovalAuthority',
        data: {
          to: s.to,
          until: dayOn(s.until),
          limit: s.limit && money(BigInt(s.limit.minor), s.limit.currency),
        },
        metadata: by({ sub: 'alice', roles: ['officer'] }, at),
      };
    case 'approve':
      return {
        type: 'ExerciseApprovalAuthority',
        data: { matchId: 'm', disbursementId: 'd', amount: money(BigInt(s.minor), s.currency) },
        metadata: by({ sub: s.approver, roles: ['officer'] }, at),
      };
  }
};

/** The model's side of a step the decider accepted. */
const follow = (model: Model, s: Step) => {
  if (s.kind === 'grant') model.own.set(s.currency, { minor: s.minor, validUntil: s.validUntil });
  if (s.kind === 'revoke') {
    model.own.delete(s.currency);
    model.lent = model.lent.filter((d) => d.currency !== s.currency);
  }
  if (s.kind === 'delegate') {
    const scope = s.limit?.currency;
    model.lent = model.lent.filter((d) => d.to !== s.to || d.currency !== scope);
    model.lent.push({ to: s.to, until: s.until, currency: scope, minor: s.limit?.minor });
  }
};

describe('the approval authority rule under any history', () => {
  it('accepts an approval exactly when the holder’s own or lent authority covers it that day', () =>
    fc.assert(
      fc.property(
        fc.array(fc.tuple(step, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 60 }),
        (steps) => {
          let state: ApprovalAuthorityState = approvalAuthorityDecider.initialState;
          const model: Model = { own: new Map(), lent: [] };
          let day = 1;
          for (const [s, advance] of steps) {
            day = Math.min(28, day + advance);
            const outcome = approvalAuthorityDecider.decide(commandOf(s, day), state);
            if (s.kind === 'approve')
              expect(!isDomainError(outcome)).toBe(
                allowedByModel(model, s.approver, s.currency, s.minor, day),
              );
            if (isDomainError(outcome)) continue;
            follow(model, s);
            for (const event of outcome) state = approvalAuthorityDecider.evolve(state, event);
          }
        },
      ),
      { numRuns: 300 },
    ));
});
