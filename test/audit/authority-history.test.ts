/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import type { Actor } from '@multitrack/auth';
import type { CommandBody } from '../../apps/coordination-api/src/command-handling/stream-writer';
import { AuditApp, openAuditApp } from './harness';
import { money } from '../support/money';
import { execute } from './seed';

jest.setTimeout(120_000);

const admin: Actor = { sub: 'admin-1', roles: ['admin'] };
const lender: Actor = { sub: 'officer-7', roles: ['officer'] };
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * "Under whose authority was this paid?" also asks what the authority was on that day: time travel
 * rebuilds an approval authority's stream as it stood at any instant, as it does requests and matches.
 */
describe.each(['postgres', 'pglite'] as const)('an approval authority in time travel on %s', (kind) => {
  let audit: AuditApp;
  let granted: string;
  let delegated: string;

  /** Writes one command on officer-7's authority stream; answers an instant just after it. */
  const decide = async (command: CommandBody<'authority'>, actor: Actor) => {
    await execute(audit.store, 'authority', 'officer-7', command, actor);
    await pause();
    const after = new Date().toISOString();
    await pause();
    return after;
  };

  beforeAll(async () => {
    audit = await openAuditApp(kind);
    granted = await decide(
      { type: 'GrantApprovalAuthority', data: { officer: 'officer-7', limit: money('200000.00') } },
      admin,
    );
    delegated = await decide(
      { type: 'DelegateApprovalAuthority', data: { to: 'officer-8', until: '2099-12-31' } },
      lender,
    );
    await decide({ type: 'RevokeApprovalAuthority', data: { currency: 'USD' } }, admin);
    await audit.settle();
  });
  afterAll(() => audit?.close());

  const entityAt = async (asOf?: string, status = 200): Promise<any> => {
    const answer = await audit.get(
      `/v1/audit/entities/authority-officer-7${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
    );
    expect(answer.status).toBe(status);
    return answer.json();
  };

  it('shows the limit as granted, then the delegation beside it, then no limit once revoked', async () => {
    const first = await entityAt(granted);
    expect(first.revision).toBe(0);
    expect(first.state.limits.USD.limit).toMatchObject({ currency: 'USD' });
    expect(first.state.delegations).toEqual([]);

    const second = await entityAt(delegated);
    expect(second.state.limits.USD).toBeDefined();
    expect(second.state.delegations).toEqual([expect.objectContaining({ to: 'officer-8' })]);

    // A delegation without a limit lends "up to the lender's own limit": with none left, nothing.
    const now = await entityAt();
    expect(now.state.limits).toEqual({});
    expect(now.revision).toBeGreaterThan(second.revision);
  });

  it('answers 404 for an instant before the authority was first granted', async () => {
    const problem = await entityAt('2000-01-01T00:00:00Z', 404);
    expect(problem.detail).toMatch(/approval authority/);
  });
});
