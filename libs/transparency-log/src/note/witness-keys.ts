import { checkKeyName } from './key-names';
import { decodeBase64 } from './signed-note';

export interface WitnessKey {
  name: string;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Buffer;
}

/**
 * `AUDIT_WITNESS_KEYS`: `name=base64key` pairs, comma-separated. Split at the first `=`: base64
 * padding holds more of them. A bad entry stops the start rather than refusing witnesses later.
 */
export const parseWitnessKeys = (setting: string | undefined): WitnessKey[] => {
  const entries = (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const keys = entries.map((entry) => {
    const at = entry.indexOf('=');
    const name = checkKeyName(entry.slice(0, Math.max(at, 0)));
    const publicKey = decodeBase64(entry.slice(at + 1));
    if (publicKey?.length !== 32)
      throw new Error(`AUDIT_WITNESS_KEYS: the key of ${name} is not a base64 32-byte Ed25519 key`);
    return { name, publicKey };
  });
  const names = keys.map((key) => key.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new Error(`AUDIT_WITNESS_KEYS: ${repeated} is listed twice`);
  return keys;
};
