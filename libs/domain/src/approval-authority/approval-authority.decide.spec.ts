import type { WireMoney } from '../money/money';
import type { CommandMetadata } from '../shared/decider';
import { by, eur, officer, usd } from '../testing/fixtures';
import { specFor } from '../testing/given';
import type { ApprovalAuthorityCommand } from './approval-authority.commands';
import { approvalAuthorityDecider } from './approval-authority.decide';
import type { ApprovalAuthorityEvent } from './approval-authority.events';

const { given } = specFor(approvalAuthorityDecider);
const today = '2025-06-10T09:00:00.000Z';
const admin: CommandMetadata['actor'] = { sub: 'root', roles: ['admin'] };
const alice = officer('alice');
const bob = officer('Bob');
const wire = (amount: string, currency = 'USD'): WireMoney => ({ amount, currency });
const run = <C extends ApprovalAuthorityCommand>(
  type: C['type'],
  data: C['data'],
  actor: CommandMetadata['actor'],
  at = today,
) => ({ type, data, metadata: by(actor, at) }) as ApprovalAuthorityCommand;

const granted = (amount: string, validUntil?: string, currency = 'USD'): ApprovalAuthorityEvent => ({
  type: 'ApprovalAuthorityGranted',
  data: {
    officer: 'alice',
    limit: wire(amount, currency),
    ...(validUntil && { validUntil }),
    grantedBy: 'root',
  },
});
const lent = (to: string, until: string, amount?: string): ApprovalAuthorityEvent => ({
  type: 'ApprovalAuthorityDelegated',
  data: { officer: 'alice', to, until, ...(amount && { limit: wire(amount) }) },
});
const revoked = (currency = 'USD'): ApprovalAuthorityEvent => ({
  type: 'ApprovalAuthorityRevoked',
  data: { officer: 'alice', currency, revokedBy: 'root' },
});
const exercise = (amount: string, actor = alice, at = today) =>
  run('ExerciseApprovalAuthority', { matchId: 'm1', disbursementId: 'd1', amount: usd(amount) }, actor, at);
const exercised = (amount: string, approvedBy = 'alice'): ApprovalAuthorityEvent => ({
  type: 'ApprovalAuthorityExercised',
  data: {
    officer: 'alice',
    approvedBy,
    delegated: approvedBy !== 'alice',
    matchId: 'm1',
    disbursementId: 'd1',
    amount: wire(amount),
  },
});

describe('GrantApprovalAuthority', () => {
  const grant = (amount: string, validUntil?: string, sub = ' Alice ') =>
    run('GrantApprovalAuthority', { officer: sub, limit: usd(amount), validUntil }, admin);
  it('records a first limit in a currency under the normalised identity', () =>
    given([])
      .when(grant('250000.00', '2025-12-31'))
      .then([granted('250000.00', '2025-12-31')]));
  it('replaces the limit the officer held in that currency, naming the previous one', () =>
    given([granted('250000.00')])
      .when(grant('50000.00'))
      .then([
        {
          type: 'ApprovalAuthorityReplaced',
          data: {
            officer: 'alice',
            limit: wire('50000.00'),
            previous: wire('250000.00'),
            replacedBy: 'root',
          },
        },
      ]));
  it('keeps a limit in another currency beside it', () =>
    given([granted('250000.00')])
      .when(run('GrantApprovalAuthority', { officer: 'alice', limit: eur('1000.00') }, admin))
      .then([granted('1000.00', undefined, 'EUR')], (state) =>
        expect(Object.keys(state.status === 'none' ? {} : state.limits).sort()).toEqual(['EUR', 'USD']),
      ));
  it('refuses a limit that is not positive', () =>
    given([]).when(grant('0.00')).thenFails('money.not-positive'));
  it('refuses a validity that ended before today', () =>
    given([]).when(grant('1.00', '2025-06-09')).thenFails('approval-authority.valid-until-past'));
  it('refuses a validity that is not a calendar date', () =>
    given([]).when(grant('1.00', '2025-02-30')).thenFails('date.invalid'));
  it('refuses an empty identity', () =>
    given([])
      .when(grant('1.00', undefined, '  '))
      .thenFails('text.required'));
});

describe('RevokeApprovalAuthority', () => {
  const revoke = (currency = 'USD') => run('RevokeApprovalAuthority', { currency }, admin);
  it('revokes the limit and what was lent in that currency', () =>
    given([granted('250000.00'), lent('bob', '2025-06-30', '1000.00')])
      .when(revoke())
      .then([revoked()], (state) => expect(state).toMatchObject({ limits: {}, delegations: [] })));
  it('refuses to revoke what the officer does not hold (404)', () =>
    given([granted('250000.00')])
      .when(revoke('EUR'))
      .thenFails('approval-authority.not-found'));
  it('refuses to revoke twice', () =>
    given([granted('250000.00'), revoked()])
      .when(revoke())
      .thenFails('approval-authority.not-found'));
});

describe('DelegateApprovalAuthority', () => {
  const delegate = (to: string, until: string, amount?: string, at = today) =>
    run('DelegateApprovalAuthority', { to, until, limit: amount ? usd(amount) : undefined }, alice, at);
  it('lends up to its own limit until a date', () =>
    given([granted('250000.00')])
      .when(delegate(' BOB', '2025-06-30', '100000.00'))
      .then([lent('bob', '2025-06-30', '100000.00')]));
  it('lends everything it holds when no limit is given', () =>
    given([granted('250000.00')])
      .when(delegate('bob', '2025-06-30'))
      .then([lent('bob', '2025-06-30')]));
  it('refuses to lend more than its own limit', () =>
    given([granted('250000.00')])
      .when(delegate('bob', '2025-06-30', '250000.01'))
      .thenFails('approval-authority.delegation-above-authority'));
  it('refuses to lend without an authority in that currency', () =>
    given([granted('250000.00', undefined, 'EUR')])
      .when(delegate('bob', '2025-06-30', '1.00'))
      .thenFails('approval-authority.nothing-to-delegate'));
  it('refuses to lend an authority that has expired', () =>
    given([granted('250000.00', '2025-06-09')])
      .when(delegate('bob', '2025-06-30'))
      .thenFails('approval-authority.nothing-to-delegate'));
  it('refuses to lend with no authority at all', () =>
    given([]).when(delegate('bob', '2025-06-30')).thenFails('approval-authority.nothing-to-delegate'));
  it('refuses to lend to itself, however the name is written', () =>
    given([granted('250000.00')])
      .when(delegate('ＡＬＩＣＥ', '2025-06-30'))
      .thenFails('approval-authority.self-delegation'));
  it('refuses a delegation that ended before today', () =>
    given([granted('250000.00')])
      .when(delegate('bob', '2025-06-09'))
      .thenFails('approval-authority.until-past'));
  it('refuses an end that is not a calendar date', () =>
    given([granted('250000.00')])
      .when(delegate('bob', '2025-13-01'))
      .thenFails('date.invalid'));
  it('refuses a delegation limit that is not positive', () =>
    given([granted('250000.00')])
      .when(delegate('bob', '2025-06-30', '0.00'))
      .thenFails('money.not-positive'));
});

describe('ReceiveApprovalAuthority', () => {
  it('records on the delegate which officer lent to it', () =>
    given([])
      .when(run('ReceiveApprovalAuthority', { officer: 'Bob', from: 'alice', until: '2025-06-30' }, alice))
      .then([
        { type: 'ApprovalAuthorityReceived', data: { officer: 'bob', from: 'alice', until: '2025-06-30' } },
      ]));
});

describe('ExerciseApprovalAuthority', () => {
  it('lets the holder approve up to its own limit', () =>
    given([granted('250000.00')])
      .when(exercise('250000.00'))
      .then([exercised('250000.00')]));
  it('lets a delegate approve up to what was lent', () =>
    given([granted('250000.00'), lent('bob', '2025-06-30', '100000.00')])
      .when(exercise('100000.00', bob))
      .then([exercised('100000.00', 'bob')]));
  it('refuses the holder above its limit', () =>
    given([granted('250000.00')])
      .when(exercise('250000.01'))
      .thenFails('approval.beyond-authority'));
  it('refuses an approval on a day after the limit expired', () =>
    given([granted('250000.00', '2025-06-09')])
      .when(exercise('1.00'))
      .thenFails('approval.beyond-authority'));
  it('still accepts on the limit’s last day', () =>
    given([granted('250000.00', '2025-06-10')])
      .when(exercise('1.00'))
      .then([exercised('1.00')]));
  it('refuses after the authority was revoked', () =>
    given([granted('250000.00'), revoked()])
      .when(exercise('1.00'))
      .thenFails('approval.beyond-authority'));
  it('refuses a stream with no authority at all', () =>
    given([]).when(exercise('1.00')).thenFails('approval.beyond-authority'));
  it('refuses a tranche in a currency the authority is not in', () =>
    given([granted('250000.00', undefined, 'EUR')])
      .when(exercise('1.00'))
      .thenFails('approval.beyond-authority'));
  it('refuses a delegate above what was lent', () =>
    given([granted('250000.00'), lent('bob', '2025-06-30', '100000.00')])
      .when(exercise('100000.01', bob))
      .thenFails('approval.beyond-authority'));
  it('refuses a delegate after the delegation ended', () =>
    given([granted('250000.00'), lent('bob', '2025-06-09')])
      .when(exercise('1.00', bob))
      .thenFails('approval.beyond-authority'));
  it('refuses a delegate once the lender’s limit fell below the tranche', () =>
    given([
      granted('250000.00'),
      lent('bob', '2025-06-30', '100000.00'),
      {
        type: 'ApprovalAuthorityReplaced',
        data: { officer: 'alice', limit: wire('10000.00'), previous: wire('250000.00'), replacedBy: 'root' },
      },
    ])
      .when(exercise('10000.01', bob))
      .thenFails('approval.beyond-authority'));
  it('refuses a delegate once the lender’s authority expired', () =>
    given([granted('250000.00', '2025-06-09'), lent('bob', '2025-06-30')])
      .when(exercise('1.00', bob))
      .thenFails('approval.beyond-authority'));
  it('refuses a delegate after the lender’s authority was revoked, even when granted again', () =>
    given([granted('250000.00'), lent('bob', '2025-06-30', '100.00'), revoked(), granted('250000.00')])
      .when(exercise('1.00', bob))
      .thenFails('approval.beyond-authority'));
  it('refuses an officer nobody lent to', () =>
    given([granted('250000.00')])
      .when(exercise('1.00', officer('carol')))
      .thenFails('approval.beyond-authority'));
});
