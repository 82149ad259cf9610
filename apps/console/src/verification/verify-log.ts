import { consistencyHolds, inclusionHolds, leafHashOf, sameBytes } from './merkle';
import { Checkpoint, fromBase64, parseCheckpoint, signedBy } from './signed-note';

/** What the verifier needs from the audit API: text and JSON reads (the console's client). */
export interface AuditReads {
  text(path: string): Promise<string>;
  json<T>(path: string): Promise<T>;
}

export interface Check {
  name: string;
  /** `undefined`: nothing to check yet (no earlier checkpoint), which is not a failure. */
  verified: boolean | undefined;
  /** One sentence for the auditor. */
  said: string;
}

interface PublicKey {
  name: string;
  publicKey: string;
}
interface KeyPeriod extends PublicKey {
  firstTreeSize: number;
  lastTreeSize?: number;
}

const fail = (name: string, said: string): Check => ({ name, verified: false, said });
const pass = (name: string, said: string): Check => ({ name, verified: true, said });

const checkSignature = (name: string, checkpoint: Checkpoint, key: PublicKey): Check =>
  signedBy(checkpoint, key.name, fromBase64(key.publicKey))
    ? pass(
        name,
        `Signed by ${key.name}: the log held ${checkpoint.treeSize} events with root ${btoa(String.fromCharCode(...checkpoint.rootHash))}.`,
      )
    : fail(
        name,
        `Verification failed: the checkpoint of ${checkpoint.treeSize} events is not signed by ${key.name}'s public key.`,
      );

/** The key that signed checkpoints of `treeSize`, from the key history; the current one otherwise. */
const keyFor = (treeSize: number, history: KeyPeriod[], current: PublicKey): PublicKey =>
  history.find((key) => key.firstTreeSize <= treeSize && (key.lastTreeSize ?? Infinity) >= treeSize) ??
  current;

/**
 * Everything an auditor checks with the public key alone (docs/transparency-log.md, checks 1–3):
 * the latest and an earlier checkpoint (of a size the auditor kept) are signed, the later tree extends the earlier one, and an
 * event is a leaf of the signed tree. Nothing the server says about roots is trusted: every
 * root comes from a checkpoint whose signature this browser checked.
 */
export const verifyLog = async (api: AuditReads, earlierSize?: number): Promise<Check[]> => {
  const key = await api.json<PublicKey>('/v1/audit/public-key');
  const history = await api.json<{ items: KeyPeriod[] }>('/v1/audit/public-keys').then(
    (answer) => answer.items,
    () => [] as KeyPeriod[],
  );
  const latest = parseCheckpoint(await api.text('/v1/audit/checkpoints/latest'));
  const checks = [checkSignature('Latest checkpoint', latest, key)];

  if (earlierSize && earlierSize < latest.treeSize) {
    const earlier = parseCheckpoint(await api.text(`/v1/audit/checkpoints/${earlierSize}`));
    checks.push(checkSignature('Earlier checkpoint', earlier, keyFor(earlierSize, history, key)));
    const proof = await api.json<{ hashes: string[] }>(
      `/v1/audit/proofs/consistency?from=${earlier.treeSize}&to=${latest.treeSize}`,
    );
    const consistent = consistencyHolds(
      earlier.treeSize,
      earlier.rootHash,
      latest.treeSize,
      latest.rootHash,
      proof.hashes.map(fromBase64),
    );
    checks.push(
      consistent
        ? pass(
            'Consistency',
            `The log of ${latest.treeSize} events extends the log of ${earlier.treeSize} unchanged.`,
          )
        : fail(
            'Consistency',
            `Verification failed: the log of ${latest.treeSize} events does not extend the signed log of ${earlier.treeSize}; history may have been rewritten.`,
          ),
    );
  } else {
    checks.push({
      name: 'Earlier checkpoint',
      verified: undefined,
      said:
        earlierSize === undefined
          ? 'No earlier tree size given: this tab remembers the one it verified, so verify again once the log has grown.'
          : `The latest checkpoint is not larger than ${earlierSize} events yet: verify again once the log has grown.`,
    });
  }

  const [first] = (
    await api.json<{ items: { position: number; hash: string }[] }>('/v1/audit/events?limit=1')
  ).items;
  if (first) {
    const proof = await api.json<{ leafIndex: number; treeSize: number; rootHash: string; hashes: string[] }>(
      `/v1/audit/proofs/inclusion?position=${first.position}&treeSize=${latest.treeSize}`,
    );
    const included =
      proof.treeSize === latest.treeSize &&
      sameBytes(fromBase64(proof.rootHash), latest.rootHash) &&
      inclusionHolds(
        leafHashOf(first.hash),
        proof.leafIndex,
        latest.treeSize,
        proof.hashes.map(fromBase64),
        latest.rootHash,
      );
    checks.push(
      included
        ? pass(
            'Inclusion',
            `The first event (position ${first.position}) is leaf ${proof.leafIndex} of the signed tree of ${latest.treeSize}.`,
          )
        : fail(
            'Inclusion',
            `Verification failed: the proof does not tie the event at position ${first.position} to the signed root.`,
          ),
    );
  }
  return checks;
};
