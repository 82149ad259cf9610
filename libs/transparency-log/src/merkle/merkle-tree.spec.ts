import { createHash } from 'node:crypto';
import { emptyRoot, eventLeafHash, hashLeaf } from './hashes';
import { merkleTree, merkleTreeHash } from './merkle-tree';
import { verifyConsistency } from './verify-consistency';
import { verifyInclusion } from './verify-inclusion';

// A naive reference written straight from RFC 9162 §2.1, sharing no code with the library.
const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  parts.forEach((p) => h.update(p));
  return h.digest();
};
const refLeaf = (d: Uint8Array) => sha(Buffer.from([0]), d);
const refNode = (l: Uint8Array, r: Uint8Array) => sha(Buffer.from([1]), l, r);
const split = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const refMth = (d: Buffer[]): Buffer =>
  d.length === 0
    ? sha()
    : d.length === 1
      ? refLeaf(d[0])
      : refNode(refMth(d.slice(0, split(d.length))), refMth(d.slice(split(d.length))));
const refPath = (m: number, d: Buffer[]): Buffer[] => {
  if (d.length <= 1) return [];
  const k = split(d.length);
  return m < k
    ? [...refPath(m, d.slice(0, k)), refMth(d.slice(k))]
    : [...refPath(m - k, d.slice(k)), refMth(d.slice(0, k))];
};
const refSubproof = (m: number, d: Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [refMth(d)];
  const k = split(d.length);
  return m <= k
    ? [...refSubproof(m, d.slice(0, k), b), refMth(d.slice(k))]
    : [...refSubproof(m - k, d.slice(k), false), refMth(d.slice(0, k))];
};

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');
const flipped = (b: Uint8Array, bit = 0) => {
  const copy = Buffer.from(b);
  copy[bit >> 3] ^= 1 << (bit & 7);
  return copy;
};
const entries = (n: number, salt = 'event') =>
  Array.from({ length: n }, (_, i) => sha(Buffer.from(`${salt}-${i}`)));

// RFC 6962 reference vectors, as published with Certificate Transparency's implementations.
const CT_ENTRIES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('the Merkle tree hash (RFC 9162 §2.1.1)', () => {
  const ct = merkleTree(CT_ENTRIES.map(hashLeaf));

  it('gives SHA-256 of the empty string for the empty tree', () => {
    expect(hex(emptyRoot())).toBe(CT_ROOTS[0]);
    expect(hex(merkleTreeHash([]))).toBe(CT_ROOTS[0]);
  });

  it('matches the Certificate Transparency reference roots for sizes 0 to 8', () => {
    for (let n = 0; n <= 8; n++) expect(hex(ct.rootAt(n))).toBe(CT_ROOTS[n]);
  });

  it('matches the published inclusion proofs of leaves 0 and 5 in the tree of 8', () => {
    expect(ct.inclusionProof(0, 8).map(hex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(ct.inclusionProof(5, 8).map(hex)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });

  it('matches the published consistency proofs 2 -> 8 and 2 -> 5', () => {
    expect(ct.consistencyProof(2, 8).map(hex)).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(ct.consistencyProof(2, 5).map(hex)).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
  });

  it('splits at the largest power of two below n, as the naive recursion does, for every size to 300', () => {
    const d = entries(300);
    const tree = merkleTree(d.map(hashLeaf));
    for (let n = 1; n <= 300; n++) expect(hex(tree.rootAt(n))).toBe(hex(refMth(d.slice(0, n))));
  });

  it('takes an event hash as its 32 bytes, not as hex text', () => {
    const eventHash = 'ab'.repeat(32);
    expect(hex(eventLeafHash(eventHash))).toBe(hex(refLeaf(unhex(eventHash))));
    expect(() => eventLeafHash('AB'.repeat(32))).toThrow('lowercase hex');
    expect(() => eventLeafHash('ab')).toThrow('lowercase hex');
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  const d = entries(300);
  const leaves = d.map(hashLeaf);
  const tree = merkleTree(leaves);

  it('equal the naive PATH(m, D[n]) for every leaf of every tree up to 64', () => {
    for (let n = 1; n <= 64; n++)
      for (let m = 0; m < n; m++)
        expect(tree.inclusionProof(m, n).map(hex)).toEqual(refPath(m, d.slice(0, n)).map(hex));
  });

  it('verify for every leaf of every tree size up to 300, and fail once one bit of the leaf, the root or the proof is flipped', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= 300; n++) {
      const rootHash = tree.rootAt(n);
      for (let m = 0; m < n; m++) {
        const proof = tree.inclusionProof(m, n);
        const claim = { leafHash: leaves[m], leafIndex: m, treeSize: n, proof, rootHash };
        if (!verifyInclusion(claim)) wrong.push(`leaf ${m} of ${n} rejected`);
        const bit = (m * 7 + n) % 256;
        const tampered = [
          { ...claim, leafHash: flipped(claim.leafHash, bit) },
          { ...claim, rootHash: flipped(rootHash, bit) },
          { ...claim, proof: proof.map((h, i) => (i === m % proof.length ? flipped(h, bit) : h)) },
        ];
        if (verifyInclusion(tampered[proof.length === 0 ? (m + n) % 2 : (m + n) % 3]))
          wrong.push(`leaf ${m} of ${n} forged`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('fail for another index, an index past the tree, a shortened or lengthened proof', () => {
    for (const [m, n] of [
      [0, 1],
      [0, 2],
      [1, 2],
      [5, 8],
      [7, 8],
      [6, 7],
      [12, 13],
      [99, 256],
      [299, 300],
    ]) {
      const claim = {
        leafHash: leaves[m],
        leafIndex: m,
        treeSize: n,
        proof: tree.inclusionProof(m, n),
        rootHash: tree.rootAt(n),
      };
      expect(verifyInclusion(claim)).toBe(true);
      expect(verifyInclusion({ ...claim, leafIndex: m + 1 })).toBe(false);
      expect(verifyInclusion({ ...claim, leafIndex: n })).toBe(false);
      expect(verifyInclusion({ ...claim, proof: [...claim.proof, leaves[0]] })).toBe(false);
      if (claim.proof.length > 0)
        expect(verifyInclusion({ ...claim, proof: claim.proof.slice(1) })).toBe(false);
    }
  });

  it('in a tree of one leaf are empty, and the root is the leaf hash', () => {
    expect(tree.inclusionProof(0, 1)).toEqual([]);
    expect(hex(tree.rootAt(1))).toBe(hex(leaves[0]));
    expect(
      verifyInclusion({ leafHash: leaves[0], leafIndex: 0, treeSize: 1, proof: [], rootHash: leaves[0] }),
    ).toBe(true);
  });

  it('are refused for a leaf outside the tree', () => {
    expect(() => tree.inclusionProof(5, 5)).toThrow(RangeError);
    expect(() => tree.inclusionProof(0, 301)).toThrow(RangeError);
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  const d = entries(100);
  const tree = merkleTree(d.map(hashLeaf));

  it('equal the naive PROOF(m, D[n]) and verify for every 0 < m <= n <= 100', () => {
    for (let n = 1; n <= 100; n++)
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        expect(proof.map(hex)).toEqual(refSubproof(m, d.slice(0, n), true).map(hex));
        expect(
          verifyConsistency({
            fromSize: m,
            toSize: n,
            fromRoot: tree.rootAt(m),
            toRoot: tree.rootAt(n),
            proof,
          }),
        ).toBe(true);
      }
  });

  it('fail for every m < n <= 100 once a proof hash, the old root or the new root is tampered with', () => {
    for (let n = 2; n <= 100; n++)
      for (let m = 1; m < n; m++) {
        const claim = {
          fromSize: m,
          toSize: n,
          fromRoot: tree.rootAt(m),
          toRoot: tree.rootAt(n),
          proof: tree.consistencyProof(m, n),
        };
        const at = (m * 3 + n) % claim.proof.length;
        expect(
          verifyConsistency({
            ...claim,
            proof: claim.proof.map((h, i) => (i === at ? flipped(h, n % 256) : h)),
          }),
        ).toBe(false);
        expect(verifyConsistency({ ...claim, fromRoot: flipped(claim.fromRoot) })).toBe(false);
        expect(verifyConsistency({ ...claim, toRoot: flipped(claim.toRoot) })).toBe(false);
        expect(verifyConsistency({ ...claim, proof: claim.proof.slice(0, -1) })).toBe(false);
      }
  });

  it('cannot be produced for a rewritten history: a different leaf in the prefix breaks every proof', () => {
    for (let n = 2; n <= 100; n += 3)
      for (let m = 1; m < n; m++) {
        const rewrittenAt = (m * 13) % m;
        const forged = [...d];
        forged[rewrittenAt] = sha(Buffer.from('forged'));
        const rewritten = merkleTree(forged.map(hashLeaf));
        const claim = { fromSize: m, toSize: n, fromRoot: tree.rootAt(m), toRoot: rewritten.rootAt(n) };
        expect(verifyConsistency({ ...claim, proof: rewritten.consistencyProof(m, n) })).toBe(false);
        expect(verifyConsistency({ ...claim, proof: tree.consistencyProof(m, n) })).toBe(false);
      }
  });

  it('are empty from the empty tree and between equal sizes', () => {
    expect(tree.consistencyProof(0, 10)).toEqual([]);
    expect(tree.consistencyProof(10, 10)).toEqual([]);
    expect(
      verifyConsistency({
        fromSize: 0,
        toSize: 10,
        fromRoot: emptyRoot(),
        toRoot: tree.rootAt(10),
        proof: [],
      }),
    ).toBe(true);
    expect(
      verifyConsistency({
        fromSize: 10,
        toSize: 10,
        fromRoot: tree.rootAt(10),
        toRoot: tree.rootAt(10),
        proof: [],
      }),
    ).toBe(true);
    expect(
      verifyConsistency({
        fromSize: 10,
        toSize: 10,
        fromRoot: tree.rootAt(9),
        toRoot: tree.rootAt(10),
        proof: [],
      }),
    ).toBe(false);
    expect(
      verifyConsistency({
        fromSize: 11,
        toSize: 10,
        fromRoot: tree.rootAt(10),
        toRoot: tree.rootAt(10),
        proof: [],
      }),
    ).toBe(false);
  });

  it('between powers of two and from the last leaf verify', () => {
    for (const [m, n] of [
      [1, 2],
      [2, 4],
      [4, 8],
      [32, 64],
      [64, 100],
      [99, 100],
      [1, 100],
    ]) {
      const proof = tree.consistencyProof(m, n);
      expect(
        verifyConsistency({
          fromSize: m,
          toSize: n,
          fromRoot: tree.rootAt(m),
          toRoot: tree.rootAt(n),
          proof,
        }),
      ).toBe(true);
    }
  });
});
