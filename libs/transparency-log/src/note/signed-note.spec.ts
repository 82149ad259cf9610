import { createHash } from 'node:crypto';
import { checkpointBody, parseCheckpoint, signCheckpoint } from './checkpoint';
import { parseNote, renderSignedNote, verifyNote, witnessSignatureLine } from './signed-note';
import { generateSigningKey, keyId, loadSigner, publicKeyDocument, publicKeyRaw } from './signer';
import { parseWitnessKeys } from './witness-keys';

// The example key and note of the Go reference implementation (golang.org/x/mod/sumdb/note).
const GO_VKEY = 'ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'; // base64(0x01 || public key)
const GO_SKEY = 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'; // base64(0x01 || seed)
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
const goPublicKey = Buffer.from(GO_VKEY, 'base64').subarray(1);
const PKCS8_ED25519_SEED_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const goPrivateKey = Buffer.concat([
  PKCS8_ED25519_SEED_PREFIX,
  Buffer.from(GO_SKEY, 'base64').subarray(1),
]).toString('base64');

const root = createHash('sha256').update('some root').digest();
const checkpoint = { origin: 'audit.multitrack.example/log', treeSize: 1234, rootHash: root };

describe('signed notes (c2sp.org/signed-note)', () => {
  it('computes the key id as SHA-256(name || 0x0A || 0x01 || public key)[:4], as the Go reference does', () => {
    expect(keyId('PeterNeumann', goPublicKey).toString('hex')).toBe('c74f20a3');
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.from('PeterNeumann\n\x01', 'latin1'), goPublicKey]))
      .digest();
    expect(keyId('PeterNeumann', goPublicKey)).toEqual(expected.subarray(0, 4));
  });

  it('signs byte for byte as the Go reference does, and verifies its note', () => {
    const peter = loadSigner({ name: 'PeterNeumann', privateKeyPkcs8Base64: goPrivateKey });
    expect(peter.publicKey).toEqual(goPublicKey);
    expect(renderSignedNote(GO_TEXT, [peter.sign(GO_TEXT)])).toBe(GO_NOTE);
    expect(verifyNote(GO_NOTE, { name: 'PeterNeumann', publicKey: goPublicKey })).toEqual({
      valid: true,
      body: GO_TEXT,
      verifiedBy: ['PeterNeumann'],
    });
  });

  it('round-trips: a signed checkpoint verifies with nothing but the name and the raw public key', () => {
    const log = loadSigner({ name: checkpoint.origin, privateKeyPkcs8Base64: generateSigningKey() });
    const signed = signCheckpoint(log, checkpoint);
    const text = renderSignedNote(signed.body, signed.signatures);
    expect(text).toBe(
      `audit.multitrack.example/log\n1234\n${root.toString('base64')}\n\n— audit.multitrack.example/log ${signed.signatures[0].signature}\n`,
    );
    expect(verifyNote(text, { name: log.name, publicKey: publicKeyRaw(log) })).toMatchObject({
      valid: true,
      body: signed.body,
    });
    expect(parseCheckpoint(parseNote(text).body)).toEqual(checkpoint);
    expect(publicKeyDocument(log)).toEqual({
      name: log.name,
      algorithm: 'Ed25519',
      publicKey: log.publicKey.toString('base64'),
    });
  });

  it('fails once any single byte of the body is changed', () => {
    const log = loadSigner({ name: 'log', privateKeyPkcs8Base64: generateSigningKey() });
    const signed = signCheckpoint(log, { ...checkpoint, origin: 'log' });
    const key = { name: 'log', publicKey: log.publicKey };
    for (let i = 0; i < signed.body.length; i++) {
      const replacement = signed.body[i] === 'A' ? 'B' : 'A';
      const tampered = signed.body.slice(0, i) + replacement + signed.body.slice(i + 1);
      expect(verifyNote(renderSignedNote(tampered, signed.signatures), key).valid).toBe(false);
    }
  });

  it('rejects a note signed by another key under the same name, and ignores unknown signers', () => {
    const log = loadSigner({ name: 'log', privateKeyPkcs8Base64: generateSigningKey() });
    const impostor = loadSigner({ name: 'log', privateKeyPkcs8Base64: generateSigningKey() });
    const stranger = loadSigner({ name: 'stranger', privateKeyPkcs8Base64: generateSigningKey() });
    const body = checkpointBody(checkpoint);
    const key = { name: 'log', publicKey: log.publicKey };
    expect(verifyNote(renderSignedNote(body, [impostor.sign(body)]), key)).toEqual({
      valid: false,
      reason: 'no signature from a known key',
    });
    expect(verifyNote(renderSignedNote(body, [stranger.sign(body), log.sign(body)]), key)).toMatchObject({
      valid: true,
      verifiedBy: ['log'],
    });
  });

  it('rejects the whole note when a known key signature does not verify', () => {
    const log = loadSigner({ name: 'log', privateKeyPkcs8Base64: generateSigningKey() });
    const body = checkpointBody(checkpoint);
    const good = log.sign(body);
    const bytes = Buffer.from(good.signature, 'base64');
    bytes[10] ^= 1;
    const bad = { name: 'log', signature: bytes.toString('base64') };
    expect(
      verifyNote(renderSignedNote(body, [good, bad]), { name: 'log', publicKey: log.publicKey }),
    ).toMatchObject({ valid: false });
  });

  it('refuses malformed notes: no blank line, a hyphen for the em dash, control characters', () => {
    const log = loadSigner({ name: 'log', privateKeyPkcs8Base64: generateSigningKey() });
    const body = checkpointBody(checkpoint);
    const line = witnessSignatureLine(log, body);
    const key = { name: 'log', publicKey: log.publicKey };
    expect(verifyNote(`${body}\n${line}`, key).valid).toBe(true);
    expect(verifyNote(`${body}${line}`, key).valid).toBe(false);
    expect(verifyNote(`${body}\n${line.replace('—', '-')}`, key).valid).toBe(false);
    expect(verifyNote(`${body}\n${line}`.replace('log\n', 'log\r\n'), key).valid).toBe(false);
    expect(() => parseNote(`${body}\n`)).toThrow();
  });

  it('refuses to load a key that is not Ed25519 or a name with a space or a plus', () => {
    expect(() => loadSigner({ name: 'a b', privateKeyPkcs8Base64: generateSigningKey() })).toThrow(
      'key name',
    );
    expect(() => loadSigner({ name: 'a+b', privateKeyPkcs8Base64: generateSigningKey() })).toThrow(
      'key name',
    );
    expect(() => loadSigner({ name: 'log', privateKeyPkcs8Base64: 'bm90IGEga2V5' })).toThrow();
  });
});

describe('checkpoints (c2sp.org/tlog-checkpoint)', () => {
  it('write the tree size in decimal without leading zeros and the root in standard base64', () => {
    expect(checkpointBody({ origin: 'o', treeSize: 0, rootHash: root })).toBe(
      `o\n0\n${root.toString('base64')}\n`,
    );
    expect(() => parseCheckpoint(`o\n012\n${root.toString('base64')}\n`)).toThrow('not a checkpoint');
    expect(() => parseCheckpoint(`o\n12\n${root.subarray(1).toString('base64')}\n`)).toThrow(
      'not a checkpoint',
    );
  });
});

describe('AUDIT_WITNESS_KEYS', () => {
  const a = loadSigner({ name: 'witness.example/a', privateKeyPkcs8Base64: generateSigningKey() });
  const b = loadSigner({ name: 'witness.example/b', privateKeyPkcs8Base64: generateSigningKey() });

  it('reads name=base64key pairs, comma-separated, keeping the padding of the key', () => {
    expect(parseWitnessKeys(`${a.name}=${publicKeyRaw(a)}, ${b.name}=${publicKeyRaw(b)}`)).toEqual([
      { name: a.name, publicKey: a.publicKey },
      { name: b.name, publicKey: b.publicKey },
    ]);
    expect(parseWitnessKeys(undefined)).toEqual([]);
    expect(parseWitnessKeys('')).toEqual([]);
  });

  it('refuses a key that is not 32 bytes, a missing name and a repeated name', () => {
    expect(() => parseWitnessKeys(`${a.name}=AAAA`)).toThrow('32-byte');
    expect(() => parseWitnessKeys(`=${publicKeyRaw(a)}`)).toThrow('key name');
    expect(() => parseWitnessKeys(`${a.name}=${publicKeyRaw(a)},${a.name}=${publicKeyRaw(b)}`)).toThrow(
      'twice',
    );
  });
});
