import { readModelNamed, readModels, type ReadModel } from '@multitrack/read-models';

/** `--projection NAME` (repeatable, or comma-separated); every read model when absent. */
export const projectionsFrom = (argv: string[]): ReadModel[] => {
  const names: string[] = [];
  argv.forEach((arg, index) => {
    if (arg === '--projection') names.push(...(argv[index + 1] ?? '').split(','));
    else if (arg.startsWith('--projection=')) names.push(...arg.slice('--projection='.length).split(','));
  });
  if (argv.includes('--projection') && names.every((name) => !name))
    throw new Error('--projection needs a read model name');
  return names.length === 0 ? readModels : names.filter(Boolean).map((name) => readModelNamed(name.trim()));
};

export const formatProgress = (p: {
  readModel: string;
  events: number;
  position: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
}): string =>
  `${p.readModel}: ${p.events} events read, at position ${p.position}, ${Math.round(p.eventsPerSecond)} events/s, ETA ${
    p.etaSeconds === null ? 'unknown' : `${Math.ceil(p.etaSeconds)}s`
  }`;
