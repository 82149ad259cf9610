import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EventStore } from '@multitrack/event-store';
import { repoRoot } from '../support/processes';

export interface RebuildRun {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  peakRssMb: number;
}

/**
 * `npm run projections:rebuild` as its own process, every read model, compiled and with the
 * script's node flags (package.json); its last line says it all.
 */
export const runRebuildCli = (dist: string, databaseUrl: string): Promise<RebuildRun> =>
  new Promise((resolve, reject) => {
    const script = (
      JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts['projections:rebuild'];
    const flags = script.split(' ').filter((word) => word.startsWith('--'));
    const child = spawn(process.execPath, [...flags, path.join(dist, 'apps/projector/src/rebuild/main.js')], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, EVENT_STORE: 'postgres' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const last =
        /rebuilt \d+ read model\(s\) from (\d+) events in ([\d.]+)s \((\d+) events\/s, peak RSS (\d+) MB\)/.exec(
          output,
        );
      if (code !== 0 || !last)
        return reject(new Error(`rebuild exited with ${code}:\n${output.slice(-2000)}`));
      resolve({
        events: Number(last[1]),
        seconds: Number(last[2]),
        eventsPerSecond: Number(last[3]),
        peakRssMb: Number(last[4]),
      });
    });
  });

/** The ceiling: the same log read through the store's `readAll`, nothing done with it. */
export const readLog = async (store: EventStore): Promise<{ events: number; seconds: number }> => {
  const began = Date.now();
  let events = 0;
  for await (const _ of store.readAll({ batchSize: 5_000 })) events++;
  return { events, seconds: (Date.now() - began) / 1000 };
};
