import { exitOnConfigError } from '../config/load-config';

/**
 * Runs an app's start-up; a configuration error, or a server that cannot be reached, ends the
 * process with one line naming it (exit 1), never with a stack trace.
 */
export const runMain = (app: string, start: () => Promise<unknown>): void => {
  start().catch((error: unknown) => {
    try {
      exitOnConfigError(error);
    } catch {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${app} could not start: ${reason}\n`);
      process.exit(1);
    }
  });
};
