import { createHash } from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
import { createKeyHistory } from './key-history';
import { SIGNING_KEY_FILE, keptSigningKeys, loadOrCreateSigningKey, readSigningKeyFile } from './signing-key';

const log = loadSigner({ name: 'audit.example/log', privateKeyPkcs8Base64: generateSigningKey() });
const witness = loadSigner({ name: 'witness.example/w1', privateKeyPkcs8Base64: generateSigningKey() });
const outsider = loadSigner({ name: 'witness.example/w1', privateKeyPkcs8Base64: generateSigningKey() });
const witnessKeys = parseWitnessKeys(`${witness.name}=${publicKeyRaw(witness)}`);
const root = (size: number) => createHash('sha256').update(`root-${size}`).digest();
const signedAt = (treeSize: number) =>
  signCheckpoint(log, { origin: log.name, treeSize, rootHash: root(treeSize) });

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
    expect(
      verifyNote(note, [
        { name: log.name, publicKey: log.publicKey },
        { name: witness.name, publicKey: witness.publicKey },
      ]),
    ).toMatchObject({
      valid: true,
      verifiedBy: [log.name, witness.name],
    });
  });

  it('refuses, with a 422-typed error, a cosignature from another key under the witness name, from an unknown name, or over another body', async () => {
    const body = signedAt(9).body;
    await expect(
      store.addCosignature(9, outsider.name, outsider.sign(body).signature, witnessKeys),
    ).rejects.toThrow(CosignatureRejectedError);
    const stranger = loadSigner({ name: 'stranger', privateKeyPkcs8Base64: generateSigningKey() });
    await expect(
      store.addCosignature(9, stranger.name, stranger.sign(body).signature, witnessKeys),
    ).rejects.toThrow(CosignatureRejectedError);
    await expect(
      store.addCosignature(9, witness.name, witness.sign(signedAt(5).body).signature, witnessKeys),
    ).rejects.toThrow(CosignatureRejectedError);
    await expect(store.addCosignature(9, witness.name, 'not base64!', witnessKeys)).rejects.toThrow(
      CosignatureRejectedError,
    );
    expect((await store.at(9))?.signatures).toHaveLength(1);
  });

  it('answers a cosignature for a size never signed with a not-found error', async () => {
    await expect(
      store.addCosignature(7, witness.name, witness.sign(signedAt(7).body).signature, witnessKeys),
    ).rejects.toThrow(CheckpointNotFoundError);
  });

  it('generates the signing key once in the database and keeps it', async () => {
    const [first, second] = await Promise.all([
      loadOrCreateSigningKey({ db: test.db }),
      loadOrCreateSigningKey({ db: test.db }),
    ]);
    expect(second).toBe(first);
    expect(await loadOrCreateSigningKey({ db: test.db })).toBe(first);
    expect(loadSigner({ name: 'log', privateKeyPkcs8Base64: first }).publicKey).toHaveLength(32);
  });
});

describe.each(['postgres', 'pglite'] as const)('the signing key history on %s', (kind) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(kind);
    await migrateTransparencyLog(test.db);
  });
  afterEach(() => test.drop());

  const signer = () => loadSigner({ name: 'audit.example/log', privateKeyPkcs8Base64: generateSigningKey() });
  const signedBy = (key: ReturnType<typeof signer>, treeSize: number) =>
    signCheckpoint(key, { origin: key.name, treeSize, rootHash: root(treeSize) });

  it('keeps, oldest first, the tree sizes each key signed, across a rotation that hands the latest checkpoint over', async () => {
    const [store, history] = [createCheckpointStore(test.db), createKeyHistory(test.db)];
    const [first, second] = [signer(), signer()];
    await history.adopt(first);
    for (const size of [0, 5, 9]) await store.add(signedBy(first, size));
    await history.adopt(second);
    expect((await history.list()).map((key) => key.publicKey)).toEqual([first.publicKey]);

    const handedOver = await store.addLogSignature(9, second.sign(signedBy(first, 9).body));
    await store.add(signedBy(second, 12));

    expect(handedOver.signatures).toHaveLength(2);
    expect(await history.list()).toEqual([
      { name: first.name, publicKey: first.publicKey, firstTreeSize: 0, lastTreeSize: 9 },
      { name: second.name, publicKey: second.publicKey, firstTreeSize: 9, lastTreeSize: 12 },
    ]);
    const note = renderSignedNote(handedOver.body, handedOver.signatures);
    for (const key of await history.list()) expect(verifyNote(note, key).valid).toBe(true);
  });

  it('finds what a key signed before the history knew it, once, when it is adopted', async () => {
    const [store, history] = [createCheckpointStore(test.db), createKeyHistory(test.db)];
    const [kept, other] = [signer(), signer()];
    for (const size of [3, 4, 8]) await store.add(signedBy(kept, size));
    await history.adopt(other);
    await store.add(signedBy(other, 10));
    await history.adopt(kept);
    await history.adopt(kept);
    expect((await history.list()).map((key) => [key.publicKey, key.firstTreeSize, key.lastTreeSize])).toEqual(
      [
        [kept.publicKey, 3, 8],
        [other.publicKey, 10, 10],
      ],
    );
  });

  it('finds the key kept in the database without making one', async () => {
    expect(await keptSigningKeys({ db: test.db })).toEqual([]);
    const key = await loadOrCreateSigningKey({ db: test.db });
    expect(await keptSigningKeys({ db: test.db })).toEqual([key]);
  });
});

describe('the signing key kept in $DATA_DIR', () => {
  let dataDir: string;
  beforeEach(async () => (dataDir = join(await mkdtemp(join(tmpdir(), 'tlog-key-')), 'data')));
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('is generated once, readable only by its owner, and the same after a restart', async () => {
    const [first, second] = await Promise.all([
      loadOrCreateSigningKey({ dataDir }),
      loadOrCreateSigningKey({ dataDir }),
    ]);
    expect(second).toBe(first);
    expect(await loadOrCreateSigningKey({ dataDir })).toBe(first);
    expect((await stat(join(dataDir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect((await readFile(join(dataDir, SIGNING_KEY_FILE), 'utf8')).trim()).toBe(first);
  });
});

describe('a signing key file', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'tlog-key-file-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('holds base64 PKCS#8, as AUDIT_SIGNING_KEY, or a PEM private key as openssl writes it; both sign alike', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    await writeFile(join(dir, 'key.b64'), `${der}\n`);
    await writeFile(join(dir, 'key.pem'), privateKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(await readSigningKeyFile(join(dir, 'key.b64'))).toBe(der);
    expect(await readSigningKeyFile(join(dir, 'key.pem'))).toBe(der);
  });

  it('is not made by looking for kept keys in a data directory that has none', async () => {
    expect(await keptSigningKeys({ dataDir: dir })).toEqual([]);
    const key = await loadOrCreateSigningKey({ dataDir: dir });
    expect(await keptSigningKeys({ dataDir: dir })).toEqual([key]);
  });
});
