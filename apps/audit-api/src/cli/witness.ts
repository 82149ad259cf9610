import { readFile, writeFile } from 'node:fs/promises';
import { loadSigner } from '@multitrack/transparency-log';
import type { AuditClient } from './audit-client';
import { checkConsistency, checkedCheckpoint, fetchPublicKey } from './checks';

export interface WitnessOptions {
  key: string;
  name: string;
  state: string;
  publicKey?: string;
  logName?: string;
}

interface WitnessState {
  treeSize: number;
  rootHash: string;
}

const readState = async (file: string): Promise<WitnessState | undefined> =>
  readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as WitnessState,
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)),
  );

/**
 * A witness round: verify the newest checkpoint's log signature, prove it consistent with the last
 * one this witness saw (kept in `state`), cosign it with the witness's own key, remember it.
 */
export const witnessRound = async (
  client: AuditClient,
  options: WitnessOptions,
  say: (line: string) => void,
): Promise<void> => {
  const signer = loadSigner({
    name: options.name,
    privateKeyPkcs8Base64: (await readFile(options.key, 'utf8')).trim(),
  });
  const key = await fetchPublicKey(client, { name: options.logName, publicKey: options.publicKey });
  const latest = await checkedCheckpoint(client, key);
  const seen = await readState(options.state);
  if (seen && seen.treeSize > latest.treeSize)
    await checkConsistency(client, latest, {
      treeSize: seen.treeSize,
      rootHash: Buffer.from(seen.rootHash, 'base64'),
    });
  else if (seen)
    await checkConsistency(
      client,
      { treeSize: seen.treeSize, rootHash: Buffer.from(seen.rootHash, 'base64') },
      latest,
    );
  const { signature } = signer.sign(latest.body);
  await client.json(`/v1/audit/checkpoints/${latest.treeSize}/cosignatures`, {
    method: 'POST',
    body: JSON.stringify({ name: signer.name, signature }),
  });
  if (!seen || latest.treeSize >= seen.treeSize)
    await writeFile(
      options.state,
      `${JSON.stringify({ treeSize: latest.treeSize, rootHash: latest.rootHash.toString('base64') })}\n`,
    );
  say(
    `cosigned checkpoint ${latest.treeSize}${seen ? ` (consistent with ${seen.treeSize})` : ' (first checkpoint seen)'}`,
  );
};
