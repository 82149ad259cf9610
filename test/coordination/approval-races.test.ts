import { approve, committedMatch, grantAuthority, tranche } from './support/approval-scene';
import {
  clientOf,
  startCoordinationApp,
  tokens,
  usd,
  type Client,
  type CoordinationApp,
  type Tokens,
} from './support';

jest.setTimeout(300_000);

/**
 * The two cross-stream rules of "Approval authority" under concurrency (decisions 0210, 0211):
 * an authority revoked while approvals rely on it, and the four-eyes window of one organisation
 * spread over several matches. Real PostgreSQL (and PGlite), real HTTP, no timing assertions.
 */
describe.each(['postgres', 'pglite'] as const)('approval races on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;

  beforeAll(async () => {
    app = await startCoordinationApp(kind, { DISBURSEMENT_APPROVAL_AUTHORITY: 'recorded' });
    api = clientOf(app.url);
    t = await tokens();
  });
  afterAll(() => app?.close());

  const streamsOf = async (ids: string[]) =>
    (await Promise.all(ids.map((id) => app.store.readStream(id)))).flat();

  it('lets no approval after the revocation’s position rely on the revoked authority', async () => {
    for (let round = 0; round < 3; round++) {
      const granted = await grantAuthority(api, t, 'officer-2', { limit: usd('200000.00') });
      expect(granted.status).toBe(200);
      const pending: { matchId: string; id: string }[] = [];
      for (let m = 0; m < 5; m++) {
        const matchId = await committedMatch(api, t);
        for (const amount of ['150000.00', '150000.00']) {
          const held = await tranche(api, t, matchId, amount);
          expect(held.body.status).toBe('pending_approval');
          pending.push({ matchId, id: held.body.id });
        }
      }
      const approvals = pending.map(({ matchId, id }) => approve(api, t.officer2, matchId, id));
      // Revoked once the first approval is through, while the others are in flight.
      const revocation = Promise.race(approvals).then(() =>
        api.call('DELETE', '/v1/approval-authorities/officer-2?currency=USD', undefined, { token: t.admin }),
      );
      const [answers, revoked] = await Promise.all([Promise.all(approvals), revocation]);
      expect(revoked.status).toBe(200);
      expect(
        answers.map((a) => (a.status === 422 ? a.body.rule : a.status)).filter((s) => s !== 200),
      ).toEqual(answers.filter((a) => a.status !== 200).map(() => 'approval.beyond-authority'));

      // The streams themselves, not the global log: `readAll` stops before a commit it cannot yet
      // prove gap-free (decision 0020), so it may trail the answers just given.
      const log = await streamsOf([
        'authority-officer-2',
        ...new Set(pending.map((p) => `match-${p.matchId}`)),
      ]);
      const authority = log.filter((e) => e.streamId === 'authority-officer-2');
      const revokedAt = authority.filter((e) => e.type === 'ApprovalAuthorityRevoked').at(-1)!.position;
      const ids = new Set(pending.map((p) => p.id));
      const exercised = authority.filter(
        (e) => e.type === 'ApprovalAuthorityExercised' && ids.has(e.data.disbursementId as string),
      );
      const approved = log.filter(
        (e) => e.type === 'DisbursementApproved' && ids.has(e.data.disbursementId as string),
      );
      // Every approval relied on the authority before it was revoked, and on it only once.
      expect(exercised.filter((e) => e.position > revokedAt)).toEqual([]);
      expect(approved.filter((e) => e.position > revokedAt)).toEqual([]);
      expect(exercised.map((e) => e.data.disbursementId).sort()).toEqual(
        approved.map((e) => e.data.disbursementId).sort(),
      );
      // What the callers were told is what the log says.
      const succeeded = pending.filter((_, index) => answers[index].status === 200).map((p) => p.id);
      expect(succeeded.sort()).toEqual(approved.map((e) => e.data.disbursementId as string).sort());
    }
  });

  it('never releases more than the threshold without approval to one organisation over parallel matches', async () => {
    // A fresh organisation of its own would need its own tokens; ORG has no unreviewed release in
    // this app before this test (the test above holds every tranche for approval).
    const matches: string[] = [];
    for (let m = 0; m < 8; m++) matches.push(await committedMatch(api, t));
    const answers = await Promise.all(matches.map((matchId) => tranche(api, t, matchId, '30000.00')));
    expect(answers.map((a) => a.status)).toEqual(matches.map(() => 201));
    const released = answers.filter((a) => a.body.status === 'disbursed');
    // 3 × 30000 = 90000 fits under the threshold of 100000; a fourth would take it to 120000.
    expect(released).toHaveLength(3);
    expect(answers.filter((a) => a.body.status === 'pending_approval')).toHaveLength(5);

    const log = await streamsOf(['window-GB-CHC-202918', ...matches.map((id) => `match-${id}`)]);
    const window = log.filter((e) => e.streamId === 'window-GB-CHC-202918');
    expect(window.map((e) => e.data.disbursementId).sort()).toEqual(released.map((a) => a.body.id).sort());
    const held = log.filter(
      (e) =>
        e.type === 'DisbursementRequested' &&
        e.data.requiresApproval &&
        matches.includes(e.data.matchId as string),
    );
    expect(held.map((e) => e.data.approvalReason)).toEqual(held.map(() => 'window-total-above-threshold'));
  });
});
