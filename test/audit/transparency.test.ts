import {
  eventLeafHash,
  generateSigningKey,
  loadSigner,
  parseCheckpoint,
  publicKeyRaw,
  verifyConsistency,
  verifyInclusion,
  verifyNote,
} from '@multitrack/transparency-log';
import { AuditApp, openAuditApp } from './harness';
import { seedFundingStory } from './seed';

jest.setTimeout(120_000);

const witness = loadSigner({ name: 'witness.example/w1', privateKeyPkcs8Base64: generateSigningKey() });

describe.each(['postgres', 'pglite'] as const)('the transparency log of the audit API on %s', (kind) => {
  let audit: AuditApp;
  let treeSize: number;

  beforeAll(async () => {
    audit = await openAuditApp(kind, { AUDIT_WITNESS_KEYS: `${witness.name}=${publicKeyRaw(witness)}` });
    for (const n of [1, 2, 3]) await seedFundingStory(audit.store, n);
    treeSize = await audit.settle();
  });
  afterAll(() => audit?.close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked field by field
  const json = async (path: string, role: Parameters<AuditApp['get']>[1] = 'auditor'): Promise<any> => {
    const response = await audit.get(path, role);
    expect(response.status).toBe(200);
    return response.json();
  };

  it('serves a checkpoint signed by the published key, which fails to verify once tampered with', async () => {
    const key = await json('/v1/audit/public-key');
    const response = await audit.get(`/v1/audit/checkpoints/${treeSize}`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const note = await response.text();
    const logKey = { name: key.name, publicKey: Buffer.from(key.publicKey, 'base64') };
    expect(verifyNote(note, logKey)).toMatchObject({ valid: true });
    expect(parseCheckpoint(note.slice(0, note.indexOf('\n\n') + 1)).treeSize).toBe(treeSize);
    const tampered = note.replace(`\n${treeSize}\n`, `\n${treeSize + 1}\n`);
    expect(verifyNote(tampered, logKey)).toMatchObject({ valid: false });
  });

  it('proves every event of the log included in the signed tree, checked by the independent verifier', async () => {
    const note = await (await audit.get(`/v1/audit/checkpoints/${treeSize}`)).text();
    const { rootHash } = parseCheckpoint(note.slice(0, note.indexOf('\n\n') + 1));
    const page = await json(`/v1/audit/events?limit=500`);
    const events = page.items.slice(0, treeSize);
    expect(events.length).toBeGreaterThanOrEqual(36);
    for (const event of events) {
      const proof = await json(
        `/v1/audit/proofs/inclusion?position=${event.position}&treeSize=${treeSize}`,
        'witness',
      );
      expect(proof.rootHash).toBe(Buffer.from(rootHash).toString('base64'));
      const valid = verifyInclusion({
        leafHash: eventLeafHash(event.hash),
        leafIndex: proof.leafIndex,
        treeSize,
        proof: proof.hashes.map((h: string) => Buffer.from(h, 'base64')),
        rootHash: Buffer.from(rootHash),
      });
      expect(valid).toBe(true);
    }
  });

  it('proves a later tree consistent with an earlier one, and no proof fits a rewritten history', async () => {
    await seedFundingStory(audit.store, 4);
    const later = await audit.settle();
    const root = async (size: number) => {
      const note = await (await audit.get(`/v1/audit/checkpoints/${size}`)).text();
      return Buffer.from(parseCheckpoint(note.slice(0, note.indexOf('\n\n') + 1)).rootHash);
    };
    const proof = await json(`/v1/audit/proofs/consistency?from=${treeSize}&to=${later}`);
    const hashes = proof.hashes.map((h: string) => Buffer.from(h, 'base64'));
    const [fromRoot, toRoot] = [await root(treeSize), await root(later)];
    expect(verifyConsistency({ fromSize: treeSize, toSize: later, fromRoot, toRoot, proof: hashes })).toBe(
      true,
    );
    // A history rewritten before `treeSize` has another root there: the proof cannot bridge it.
    const rewrittenRoot = Buffer.from(fromRoot).fill(7, 0, 1);
    expect(
      verifyConsistency({
        fromSize: treeSize,
        toSize: later,
        fromRoot: rewrittenRoot,
        toRoot,
        proof: hashes,
      }),
    ).toBe(false);
  });

  it('adds a configured witness cosignature to the checkpoint and refuses one that does not verify with 422', async () => {
    const note = await (await audit.get(`/v1/audit/checkpoints/${treeSize}`, 'witness')).text();
    const body = note.slice(0, note.indexOf('\n\n') + 1);
    const post = async (signature: string, role: 'witness' | 'auditor' = 'witness') =>
      fetch(`${audit.url}/v1/audit/checkpoints/${treeSize}/cosignatures`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await audit.token(role)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: witness.name, signature }),
      });
    const forged = loadSigner({ name: witness.name, privateKeyPkcs8Base64: generateSigningKey() }).sign(
      body,
    ).signature;
    const refused = await post(forged);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { type: string }).type).toMatch(/checkpoint\.cosignature-rejected$/);
    expect((await post(witness.sign(body).signature, 'auditor')).status).toBe(403);
    expect((await post(witness.sign(body).signature)).status).toBe(201);
    const cosigned = await (await audit.get(`/v1/audit/checkpoints/${treeSize}`)).text();
    expect(verifyNote(cosigned, { name: witness.name, publicKey: witness.publicKey })).toMatchObject({
      valid: true,
    });
  });

  it('locates a stored event altered directly in the database', async () => {
    const before = await json('/v1/audit/integrity');
    expect(before).toMatchObject({ verified: true, transparencyLog: { matches: true } });
    const { rows } = await audit.db.query<{ global_position: string }>(
      `SELECT global_position FROM events WHERE type = 'FundsCommitted' AND stream_id = 'match-mat-2'`,
    );
    const position = Number(rows[0].global_position);
    await audit.db.query(
      `UPDATE events SET data = jsonb_set(data, '{amount,amount}', '"2000000.00"') WHERE global_position = $1`,
      [position],
    );
    const after = await json('/v1/audit/integrity');
    expect(after.verified).toBe(false);
    // At least what the first check saw (its own recorded read may still be behind the log's
    // gap-free horizon when the second one starts), and the tampered event is located below.
    expect(after.eventsChecked).toBeGreaterThanOrEqual(before.eventsChecked);
    expect(after.firstBrokenAt).toEqual({
      position,
      streamId: 'match-mat-2',
      revision: 1,
      reason: 'hash-mismatch',
    });
  });
});
