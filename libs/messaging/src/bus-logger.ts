import pino from 'pino';

/** The slice of a pino logger the bus needs; apps pass their own so lines share one format. */
export interface BusLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** JSON lines on stdout, warnings and errors only: the bus is quiet when things work. */
export const defaultBusLogger = (): BusLogger => pino({ name: 'messaging', level: 'warn' });
