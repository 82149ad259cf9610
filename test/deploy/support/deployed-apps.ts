import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ZodType } from 'zod';

export const root = path.resolve(__dirname, '../../..');

/**
 * Every app a deployment runs: each folder under apps/ but the all-in-one standalone and the web
 * console (static files the coordination API serves, not a process of its own).
 */
const notProcesses = ['standalone', 'console'];
export const deployedApps: string[] = readdirSync(path.join(root, 'apps'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !notProcesses.includes(entry.name))
  .map((entry) => entry.name)
  .sort();

/**
 * The zod schema an app validates its environment with at start (`apps/<app>/src/*.config.ts`),
 * so the manifests are checked against what the app requires rather than a list restated here.
 */
export const configSchemaOf = (app: string): ZodType => {
  const folder = path.join(root, 'apps', app, 'src');
  const files = readdirSync(folder).filter((file) => file.endsWith('.config.ts'));
  if (files.length !== 1)
    throw new Error(`apps/${app}/src should have one *.config.ts, found ${files.join(', ') || 'none'}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schemas = Object.values(require(path.join(folder, files[0])) as Record<string, unknown>).filter(
    (value) => value instanceof ZodType,
  );
  if (schemas.length !== 1)
    throw new Error(`apps/${app}/src/${files[0]} should export one zod schema, found ${schemas.length}`);
  return schemas[0] as ZodType;
};

/** The TCP ports of the servers a parsed configuration names (PostgreSQL, the event store, Kafka, the collector). */
export const serverPortsOf = (config: Record<string, unknown>): Map<string, number> => {
  const ports = new Map<string, number>();
  const portOf = (url: string, fallback: number) => Number(new URL(url).port || fallback);
  if (typeof config.DATABASE_URL === 'string') ports.set('DATABASE_URL', portOf(config.DATABASE_URL, 5432));
  if (config.EVENT_STORE === 'eventstoredb' && typeof config.EVENTSTORE_CONNECTION_STRING === 'string') {
    const [first] = config.EVENTSTORE_CONNECTION_STRING.replace(/^[a-z+]+:\/\//, '').split(/[,/?]/);
    ports.set('EVENTSTORE_CONNECTION_STRING', Number(first.split(':')[1] ?? 2113));
  }
  if (Array.isArray(config.KAFKA_BROKERS))
    ports.set('KAFKA_BROKERS', Number(String(config.KAFKA_BROKERS[0]).split(':')[1]));
  return ports;
};
