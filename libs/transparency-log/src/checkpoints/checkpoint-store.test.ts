import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '@multitrack/database';
import { signCheckpoint } from '../note/checkpoint';
import { renderSignedNote, verifyNote } from '../note/signed-note';
import { generateSigningKey, loadSigner, publicKeyRaw } from '../note/signer';
import { parseWitnessKeys } from '../note/witness-keys';
import { migrateTransparencyLog } from '../transparency-log.migrations';
import { CheckpointStore, createCheckpointStore } from './checkpoint-store';
import { CheckpointNotFoundError, CosignatureRejectedError } from './errors';
import { SIGNING_KEY_FILE, loadOrCreateSigningKey } from './signing-key';

const log = loadSigner({ name: 'audit.example/log', privateKeyPkcs8Base64: generateSigningKey() });
const witness = loadSigner({ name: 'witness.example/w1', privateKeyPkcs8Base64: generateSigningKey() });
const outsider = loadSigner({ name: 'witness.example/w1', privateKeyPkcs8Base64: generateSigningKey() });
const witnessKeys = parseWitnessKeys(`${witness.name}=${publicKeyRaw(witness)}`);
const root = (size: number) => createHash('sha256').update(`root-${size}`).digest();
const signedAt = (treeSize: number) => signCheckpoint(log, { origin: log.name, treeSize, rootHash: root(treeSize) });

describe.each(['postgres', 'pglite'] as const)('signed checkpoints on %s', (kind) => {
  let test: TestDatabase;
  let store: CheckpointStore;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await migrateTransparencyLog(test.db);
    store = createCheckpointStore(test.db);
    await store.add(signedAt(5));
    await store.add(signedAt(9));
  });
  afterAll(() => test.drop());

  it('keeps every checkpoint by tree size and knows the latest', async () => {
    expect((await store.latest())?.treeSize).toBe(9);
    expect((await store.at(5))?.body).toBe(signedAt(5).body);
    expect(await store.at(6)).toBeUndefined();
  });

  it('keeps the first signature when the same checkpoint is signed twice, and refuses another root for a signed size', async () => {
    expect((await store.add(signedAt(9))).signatures).toHaveLength(1);
    const forged = signCheckpoint(log, { origin: log.name, treeSize: 9, rootHash: root(10) });
    await expect(store.add(forged)).rejects.toThrow('another root');
  });

  it('adds a configured witness cosignature as a plain signed-note line, once', async () => {
    const cosignature = witness.sign(signedAt(5).body);
    await store.addCosignature(5, witness.name, cosignature.signature, witnessKeys);
    const stored = await store.addCosignature(5, witness.name, cosignature.signature, witnessKeys);
    expect(stored.signatures.map((s) => s.name)).toEqual([log.name, witness.name]);
    const note = renderSignedNote(stored.body, stored.signatures);
    expect(verifyNote(note, [{ name: log.name, publicKey: log.publicKey }, { name: witness.name, publicKey: witness.publicKey }])).toMatchObject({
      valid: true,
      verifiedBy: [log.name, witness.name],
    });
  });

  it('refuses, with a 422-typed error, a cosignature from another key under the witness name, from an unknown name, or over another body', async () => {
    const body = signedAt(9).body;
    await expect(store.addCosignature(9, outsider.name, outsider.sign(body).signature, witnessKeys)).rejects.toThrow(CosignatureRejectedError);
    const stranger = loadSigner({ name: 'stranger', privateKeyPkcs8Base64: generateSigningKey() });
    await expect(store.addCosignature(9, stranger.name, stranger.sign(body).signature, witnessKeys)).rejects.toThrow(CosignatureRejectedError);
    await expect(store.addCosignature(9, witness.name, witness.sign(signedAt(5).body).signature, witnessKeys)).rejects.toThrow(CosignatureRejectedError);
    await expect(store.addCosignature(9, witness.name, 'not base64!', witnessKeys)).rejects.toThrow(CosignatureRejectedError);
    expect((await store.at(9))?.signatures).toHaveLength(1);
  });

  it('answers a cosignature for a size never signed with a not-found error', async () => {
    await expect(store.addCosignature(7, witness.name, witness.sign(signedAt(7).body).signature, witnessKeys)).rejects.toThrow(CheckpointNotFoundError);
  });

  it('generates the signing key once in the database and keeps it', async () => {
    const [first, second] = await Promise.all([loadOrCreateSigningKey({ db: test.db }), loadOrCreateSigningKey({ db: test.db })]);
    expect(second).toBe(first);
    expect(await loadOrCreateSigningKey({ db: test.db })).toBe(first);
    expect(loadSigner({ name: 'log', privateKeyPkcs8Base64: first }).publicKey).toHaveLength(32);
  });
});

describe('the signing key kept in $DATA_DIR', () => {
  let dataDir: string;
  beforeEach(async () => (dataDir = join(await mkdtemp(join(tmpdir(), 'tlog-key-')), 'data')));
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('is generated once, readable only by its owner, and the same after a restart', async () => {
    const [first, second] = await Promise.all([loadOrCreateSigningKey({ dataDir }), loadOrCreateSigningKey({ dataDir })]);
    expect(second).toBe(first);
    expect(await loadOrCreateSigningKey({ dataDir })).toBe(first);
    expect((await stat(join(dataDir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect((await readFile(join(dataDir, SIGNING_KEY_FILE), 'utf8')).trim()).toBe(first);
  });
});
