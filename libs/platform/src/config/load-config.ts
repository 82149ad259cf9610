import { z } from 'zod';
import { problemsAcrossVariables } from './variables';

/** A missing or invalid variable; its message is the one line printed at start-up. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: { variable: string; reason: string }[]) {
    super(`invalid configuration: ${problems.map((p) => `${p.variable} ${p.reason}`).join('; ')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Parses `env` with `schema`; an empty variable counts as unset. Throws {@link ConfigError}. */
export const parseConfig = <Schema extends z.ZodTypeAny>(
  schema: Schema,
  env: Env = process.env,
): z.output<Schema> => {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(present);
  if (result.success) {
    const across = problemsAcrossVariables(result.data as Record<string, unknown>);
    if (across.length > 0) throw new ConfigError(across);
    return result.data;
  }
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: issue.path.join('.') || '(environment)',
      reason: issue.message === 'Required' ? 'is required' : issue.message,
    })),
  );
};

/**
 * Reads the app's configuration once at start-up. On a bad variable it prints ONE line naming it
 * and exits 1: operators need the variable, not a stack trace.
 */
export const loadConfig = <Schema extends z.ZodTypeAny>(
  schema: Schema,
  env: Env = process.env,
): z.output<Schema> => {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    return exitOnConfigError(error);
  }
};

/** Prints a configuration error as one line and exits 1; rethrows anything else. */
export const exitOnConfigError = (error: unknown): never => {
  if (!isConfigurationError(error)) throw error;
  const line = error instanceof ConfigError ? error.message : `invalid configuration: ${error.message}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
};

/** ConfigError here, or a start-up check elsewhere (e.g. auth's) that names its variable. */
const isConfigurationError = (error: unknown): error is Error =>
  error instanceof ConfigError || (error instanceof Error && error.name === 'AuthConfigurationError');
