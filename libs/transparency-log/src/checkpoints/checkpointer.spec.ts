import { createHash } from 'node:crypto';
import { hashLeaf } from '../merkle/hashes';
import { merkleTree } from '../merkle/merkle-tree';
import { SignedCheckpoint, parseCheckpoint } from '../note/checkpoint';
import { renderSignedNote, verifyNote } from '../note/signed-note';
import { generateSigningKey, loadSigner, NoteSignature } from '../note/signer';
import { createCheckpointer } from './checkpointer';

const leaf = (i: number) => hashLeaf(createHash('sha256').update(`event-${i}`).digest());

/** A log that grows when the test says so, and a checkpoint store in memory. */
const fixture = () => {
  let leaves: Buffer[] = [];
  const signed: SignedCheckpoint[] = [];
  const tree = () => merkleTree(leaves);
  const log = {
    grow: (n: number) =>
      (leaves = [...leaves, ...Array.from({ length: n }, (_, k) => leaf(leaves.length + k))]),
    rewrite: () => (leaves = leaves.map((_, i) => leaf(i + 1000))),
    size: async () => leaves.length,
    rootAt: async (n: number) => tree().rootAt(n),
    consistencyProof: async (from: number, to: number) => ({ hashes: tree().consistencyProof(from, to) }),
  };
  const checkpoints = {
    signed,
    latest: async () => signed[signed.length - 1],
    add: async (checkpoint: SignedCheckpoint) => (signed.push(checkpoint), checkpoint),
    addLogSignature: async (treeSize: number, signature: NoteSignature) => {
      const checkpoint = signed.find((c) => c.treeSize === treeSize)!;
      checkpoint.signatures.push(signature);
      return checkpoint;
    },
  };
  const signer = loadSigner({ name: 'audit.example/log', privateKeyPkcs8Base64: generateSigningKey() });
  return { log, checkpoints, signer };
};

describe('the checkpointer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('signs at start, then every interval while the log grows, and not while it stands still', async () => {
    const { log, checkpoints, signer } = fixture();
    log.grow(3);
    const checkpointer = createCheckpointer({
      log,
      checkpoints,
      signer,
      origin: signer.name,
      intervalSeconds: 10,
    });
    checkpointer.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(checkpoints.signed.map((c) => c.treeSize)).toEqual([3]);

    log.grow(5);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(checkpoints.signed.map((c) => c.treeSize)).toEqual([3, 8]);

    await jest.advanceTimersByTimeAsync(30_000);
    expect(checkpoints.signed.map((c) => c.treeSize)).toEqual([3, 8]);
    await checkpointer.stop();
  });

  it('signs checkpoints that verify with the public key and carry the log root', async () => {
    const { log, checkpoints, signer } = fixture();
    log.grow(7);
    const checkpointer = createCheckpointer({
      log,
      checkpoints,
      signer,
      origin: signer.name,
      intervalSeconds: 10,
    });
    const checkpoint = await checkpointer.checkpointNow();
    const note = renderSignedNote(checkpoint.body, checkpoint.signatures);
    expect(verifyNote(note, { name: signer.name, publicKey: signer.publicKey }).valid).toBe(true);
    expect(parseCheckpoint(checkpoint.body)).toEqual({
      origin: signer.name,
      treeSize: 7,
      rootHash: await log.rootAt(7),
    });
  });

  it('signs the empty tree when nothing was ever signed, so a latest checkpoint always exists', async () => {
    const { log, checkpoints, signer } = fixture();
    const checkpointer = createCheckpointer({
      log,
      checkpoints,
      signer,
      origin: signer.name,
      intervalSeconds: 10,
    });
    expect((await checkpointer.checkpointNow()).treeSize).toBe(0);
    expect((await checkpointer.checkpointNow()).treeSize).toBe(0);
    expect(checkpoints.signed).toHaveLength(1);
  });

  it('refuses to sign a tree inconsistent with its last checkpoint, and reports it', async () => {
    const { log, checkpoints, signer } = fixture();
    const errors: unknown[] = [];
    log.grow(4);
    const checkpointer = createCheckpointer({
      log,
      checkpoints,
      signer,
      origin: signer.name,
      intervalSeconds: 10,
      onError: (e) => errors.push(e),
    });
    await checkpointer.checkpointNow();
    log.rewrite();
    log.grow(2);
    await expect(checkpointer.checkpointNow()).rejects.toThrow('not consistent');
    checkpointer.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
    expect(checkpoints.signed.map((c) => c.treeSize)).toEqual([4]);
    await checkpointer.stop();
  });

  it('leaves no timer behind after stop, even when stopped and restarted quickly', async () => {
    const { log, checkpoints, signer } = fixture();
    log.grow(1);
    const checkpointer = createCheckpointer({
      log,
      checkpoints,
      signer,
      origin: signer.name,
      intervalSeconds: 10,
    });
    checkpointer.start();
    await jest.advanceTimersByTimeAsync(0);
    void checkpointer.stop();
    checkpointer.start();
    await jest.advanceTimersByTimeAsync(25_000);
    expect(jest.getTimerCount()).toBe(1);
    await checkpointer.stop();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('after a key rotation, signs the unchanged latest checkpoint with the new key too, once, so both keys verify it', async () => {
    const { log, checkpoints, signer: oldKey } = fixture();
    log.grow(5);
    await createCheckpointer({
      log,
      checkpoints,
      signer: oldKey,
      origin: oldKey.name,
      intervalSeconds: 10,
    }).checkpointNow();
    const newKey = loadSigner({ name: oldKey.name, privateKeyPkcs8Base64: generateSigningKey() });
    const rotated = createCheckpointer({
      log,
      checkpoints,
      signer: newKey,
      origin: newKey.name,
      intervalSeconds: 10,
    });

    const handedOver = await rotated.checkpointNow();
    await rotated.checkpointNow();
    expect(checkpoints.signed.map((c) => [c.treeSize, c.signatures.length])).toEqual([[5, 2]]);
    const note = renderSignedNote(handedOver.body, handedOver.signatures);
    for (const key of [oldKey, newKey])
      expect(verifyNote(note, { name: key.name, publicKey: key.publicKey })).toMatchObject({
        valid: true,
        verifiedBy: [key.name],
      });

    log.grow(1);
    const next = await rotated.checkpointNow();
    expect([next.treeSize, next.signatures.length]).toEqual([6, 1]);
    expect(
      verifyNote(renderSignedNote(next.body, next.signatures), {
        name: oldKey.name,
        publicKey: oldKey.publicKey,
      }).valid,
    ).toBe(false);
  });
});
