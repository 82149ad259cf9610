import { randomUUID } from 'node:crypto';
import { NewEvent } from '@multitrack/event-store';

/** A help request as the API would record it: about 600 bytes of data and metadata. */
export const sampleEvent = (n: number): NewEvent => ({
  type: 'HelpRequestAmended',
  data: {
    requestId: `req-${n}`,
    title: 'Water trucking for returnees in Upper Nile',
    description: 'Two trucks for six weeks; fuel and drivers included; coordination with the cluster lead.',
    budget: { amount: '48250.00', currency: 'USD' },
    tracks: [2, 4, 8],
    country: 'SS',
  },
  metadata: {
    actor: { sub: 'officer-17', roles: ['officer'], organizationId: 'XM-DAC-41114' },
    command: 'AmendHelpRequest',
    commandId: randomUUID(),
    correlationId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 2,
  },
});

/** Runs `writers` loops for `seconds`, each calling `once` and counting the events it wrote. */
export const forWriters = async (
  writers: number,
  seconds: number,
  once: (writer: number) => Promise<number>,
): Promise<{ events: number; seconds: number }> => {
  const until = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  const counts = await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      let written = 0;
      while (Date.now() < until) written += await once(writer);
      return written;
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { events: counts.reduce((a, b) => a + b, 0), seconds: elapsed };
};

export const timed = async (work: () => Promise<number>): Promise<{ events: number; seconds: number }> => {
  const started = process.hrtime.bigint();
  const events = await work();
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
};
