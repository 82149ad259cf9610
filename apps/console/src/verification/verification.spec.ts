import { createHash } from 'node:crypto';
import {
  eventLeafHash,
  generateSigningKey,
  loadSigner,
  merkleTree,
  renderSignedNote,
  signCheckpoint,
} from '@multitrack/transparency-log';
import { consistencyHolds, inclusionHolds, leafHashOf } from './merkle';
import { parseCheckpoint, signedBy } from './signed-note';

// The browser's verifier is written apart from the server's library; these specs hold it to the
// proofs and notes that library produces, and to refusing any changed byte.
const eventHashes = Array.from({ length: 23 }, (_, i) =>
  createHash('sha256').update(`event ${i}`).digest('hex'),
);
const tree = merkleTree(eventHashes.map(eventLeafHash));
const root = (size: number) => tree.rootAt(size);
const flipped = (bytes: Uint8Array, at = 0) =>
  Uint8Array.from(bytes, (byte, i) => (i === at ? byte ^ 1 : byte));

describe('the console verifies RFC 9162 proofs', () => {
  it('hashes a leaf as the log does', () =>
    expect(Buffer.from(leafHashOf(eventHashes[0])).equals(eventLeafHash(eventHashes[0]))).toBe(true));

  it.each([
    [0, 1],
    [0, 23],
    [7, 8],
    [12, 23],
    [22, 23],
  ])('accepts the inclusion proof of leaf %i in a tree of %i', (leaf, size) =>
    expect(
      inclusionHolds(leafHashOf(eventHashes[leaf]), leaf, size, tree.inclusionProof(leaf, size), root(size)),
    ).toBe(true),
  );

  it('refuses an inclusion proof against a root with one changed byte, or for another leaf', () => {
    const proof = tree.inclusionProof(12, 23);
    expect(inclusionHolds(leafHashOf(eventHashes[12]), 12, 23, proof, flipped(root(23)))).toBe(false);
    expect(inclusionHolds(leafHashOf(eventHashes[13]), 12, 23, proof, root(23))).toBe(false);
    expect(inclusionHolds(leafHashOf(eventHashes[12]), 23, 23, proof, root(23))).toBe(false);
  });

  it.each([
    [1, 23],
    [4, 23],
    [7, 8],
    [13, 23],
    [23, 23],
  ])('accepts the consistency proof from %i to %i', (from, to) =>
    expect(consistencyHolds(from, root(from), to, root(to), tree.consistencyProof(from, to))).toBe(true),
  );

  it('refuses a consistency proof when either root changed by one byte', () => {
    const proof = tree.consistencyProof(13, 23);
    expect(consistencyHolds(13, flipped(root(13)), 23, root(23), proof)).toBe(false);
    expect(consistencyHolds(13, root(13), 23, flipped(root(23), 31), proof)).toBe(false);
    expect(consistencyHolds(13, root(13), 23, root(23), [flipped(proof[0]), ...proof.slice(1)])).toBe(false);
  });
});

describe('the console verifies signed checkpoints', () => {
  const signer = loadSigner({ name: 'audit.example/log', privateKeyPkcs8Base64: generateSigningKey() });
  const signed = signCheckpoint(signer, { origin: 'audit.example/log', treeSize: 23, rootHash: root(23) });
  const note = renderSignedNote(signed.body, signed.signatures);

  it('reads the origin, size and root and checks the signature under the public key', () => {
    const checkpoint = parseCheckpoint(note);
    expect(checkpoint).toMatchObject({ origin: 'audit.example/log', treeSize: 23 });
    expect(Buffer.from(checkpoint.rootHash).equals(root(23))).toBe(true);
    expect(signedBy(checkpoint, signer.name, signer.publicKey)).toBe(true);
  });

  it('refuses a checkpoint whose root was changed, or a signature under another key', () => {
    const [origin, size, rootLine, ...rest] = note.split('\n');
    const changedRoot = Buffer.from(flipped(Buffer.from(rootLine, 'base64'))).toString('base64');
    expect(
      signedBy(
        parseCheckpoint([origin, size, changedRoot, ...rest].join('\n')),
        signer.name,
        signer.publicKey,
      ),
    ).toBe(false);
    const other = loadSigner({ name: 'audit.example/log', privateKeyPkcs8Base64: generateSigningKey() });
    expect(signedBy(parseCheckpoint(note), other.name, other.publicKey)).toBe(false);
  });
});
