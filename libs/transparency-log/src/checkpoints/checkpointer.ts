import { verifyConsistency } from '../merkle/verify-consistency';
import { SignedCheckpoint, parseCheckpoint, signCheckpoint } from '../note/checkpoint';
import { decodeBase64 } from '../note/signed-note';
import { NoteSignature, NoteSigner } from '../note/signer';

/** What the checkpointer needs of the log and of the checkpoint store. */
export interface CheckpointerDependencies {
  log: {
    size(): Promise<number>;
    rootAt(treeSize: number): Promise<Buffer>;
    consistencyProof(from: number, to: number): Promise<{ hashes: Buffer[] }>;
  };
  checkpoints: {
    latest(): Promise<SignedCheckpoint | undefined>;
    add(checkpoint: SignedCheckpoint): Promise<SignedCheckpoint>;
    addLogSignature(treeSize: number, signature: NoteSignature): Promise<SignedCheckpoint>;
  };
  signer: NoteSigner;
  origin: string;
  intervalSeconds: number;
  /** A failed round is retried at the next interval; this hears about it. */
  onError?: (error: unknown) => void;
}

export interface Checkpointer {
  /** Signs at once, then every interval. */
  start(): void;
  /** Stops the timer and waits for a round in progress; no timer is left behind. */
  stop(): Promise<void>;
  /** Signs a checkpoint if the tree grew since the last one (or none exists); returns the latest. */
  checkpointNow(): Promise<SignedCheckpoint>;
}

const signedBy = (checkpoint: SignedCheckpoint, signer: NoteSigner): boolean =>
  checkpoint.signatures.some(
    ({ name, signature }) =>
      name === signer.name && !!decodeBase64(signature)?.subarray(0, 4).equals(signer.keyId),
  );

export const createCheckpointer = ({
  log,
  checkpoints,
  signer,
  origin,
  intervalSeconds,
  onError = () => undefined,
}: CheckpointerDependencies): Checkpointer => {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  // A stop and a quick restart must not leave the old round's timer chain running beside the new one.
  let generation = 0;
  let round: Promise<unknown> = Promise.resolve();

  const sign = async (): Promise<SignedCheckpoint> => {
    const [latest, treeSize] = await Promise.all([checkpoints.latest(), log.size()]);
    if (latest && latest.treeSize >= treeSize) {
      // A rotated key that finds the tree unchanged: it signs the latest checkpoint as well, so
      // the published current key verifies `checkpoints/latest` at once (decision 0174).
      return signedBy(latest, signer)
        ? latest
        : checkpoints.addLogSignature(latest.treeSize, signer.sign(latest.body));
    }
    const rootHash = await log.rootAt(treeSize);
    // tlog-checkpoint: a log must never sign a tree inconsistent with one it signed before.
    if (latest) {
      const { hashes } = await log.consistencyProof(latest.treeSize, treeSize);
      const consistent = verifyConsistency({
        fromSize: latest.treeSize,
        toSize: treeSize,
        fromRoot: parseCheckpoint(latest.body).rootHash,
        toRoot: rootHash,
        proof: hashes,
      });
      if (!consistent)
        throw new Error(
          `the log at ${treeSize} is not consistent with checkpoint ${latest.treeSize}: not signing`,
        );
    }
    return checkpoints.add(signCheckpoint(signer, { origin, treeSize, rootHash }));
  };

  // Rounds run one after another, whether the timer or a caller asked.
  const checkpointNow = (): Promise<SignedCheckpoint> => {
    const next = round.then(sign, sign);
    round = next.catch(() => undefined);
    return next;
  };

  const tick = async (chain: number) => {
    timer = undefined;
    await checkpointNow().catch(onError);
    if (running && chain === generation) timer = setTimeout(() => void tick(chain), intervalSeconds * 1000);
  };

  return {
    start() {
      if (running) return;
      running = true;
      const chain = ++generation;
      timer = setTimeout(() => void tick(chain), 0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await round;
    },
    checkpointNow,
  };
};
