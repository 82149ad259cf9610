import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { root } from './deployed-apps';

export const composeFolder = path.join(root, 'deploy/compose');

/** `KEY=value` lines, as Compose reads an env file. */
export const readEnvFile = (file: string): Record<string, string> =>
  Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

/**
 * Compose's interpolation: `${VAR}`, `${VAR:-default}`, `${VAR:?error}` and `$$`. A `:?` variable
 * missing from `env` throws its own message, as `docker compose` would refuse to start.
 */
export const interpolate = (text: string, env: Record<string, string>): string =>
  text.replace(
    /\$\$|\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}/g,
    (whole, name: string | undefined, operator?: string, argument?: string) => {
      if (whole === '$$') return '$';
      const value = env[name!];
      if (value !== undefined && value !== '') return value;
      if (operator === ':?') throw new Error(`${name}: ${argument}`);
      return operator === ':-' ? (argument ?? '') : '';
    },
  );

export interface ComposeService {
  command?: string[];
  environment?: Record<string, string | number | null>;
  // The file is checked field by field; a full type of the Compose model adds nothing here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** compose.yaml after interpolation with `env` and YAML merge keys, as Compose loads it. */
export const loadCompose = (env: Record<string, string>): { services: Record<string, ComposeService> } =>
  parse(interpolate(readFileSync(path.join(composeFolder, 'compose.yaml'), 'utf8'), env), { merge: true });
