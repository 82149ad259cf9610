import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { SingleBar } from 'cli-progress';
import { RecordedEvent, toHashedEvent } from '@multitrack/event-store';
import { ChainChecker } from '../integrity/chain-checker';
import { RunningRoot } from '../integrity/running-root';
import type { AuditClient } from './audit-client';

/** On stderr, so that stdout stays the command's result. */
export const progress = (total: number, unit: string): SingleBar => {
  const bar = new SingleBar({
    format: `{bar} {value}/{total} ${unit} | {eta_formatted} left`,
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 1000,
  });
  bar.start(total, 0);
  return bar;
};

const bodyOf = (response: Response) =>
  Readable.fromWeb(response.body as unknown as ReadableStream<Uint8Array>);

export interface ReplayResult {
  events: number;
  headDigest: string;
  firstBroken?: ChainChecker['firstBroken'];
}

/**
 * Downloads the log as NDJSON and checks every stream's hash chain on this machine, and the Merkle
 * root over the events (compare it with a signed checkpoint of the same size). Optionally keeps a copy.
 */
export const replay = async (
  client: AuditClient,
  { fromPosition, out, expected }: { fromPosition?: number; out?: string; expected: number },
): Promise<ReplayResult> => {
  const response = await client.request(
    `/v1/audit/export${fromPosition ? `?fromPosition=${fromPosition}` : ''}`,
  );
  const copy = out ? createWriteStream(out) : undefined;
  const checker = new ChainChecker();
  const root = new RunningRoot();
  const bar = progress(expected, 'events');
  for await (const line of createInterface({ input: bodyOf(response), crlfDelay: Infinity })) {
    if (!line) continue;
    copy?.write(`${line}\n`);
    const event = JSON.parse(line) as RecordedEvent;
    // Canonicalised here from what the API served: this check trusts no text of the server's.
    checker.check(toHashedEvent(event));
    root.add(event.hash);
    if (checker.checked % 1000 === 0) bar.update(Math.min(checker.checked, expected));
  }
  bar.update(Math.min(checker.checked, expected));
  bar.stop();
  copy?.end();
  return {
    events: checker.checked,
    headDigest: root.root().toString('base64'),
    firstBroken: checker.firstBroken,
  };
};

/** Streams an export to a file (or stdout), counting bytes. */
export const download = async (client: AuditClient, path: string, out?: string): Promise<number> => {
  const response = await client.request(path);
  let bytes = 0;
  const counted = bodyOf(response).on('data', (chunk: Buffer) => (bytes += chunk.length));
  await pipeline(counted, out ? createWriteStream(out) : process.stdout, { end: Boolean(out) });
  return bytes;
};
