/**
 * Prints an HS256 development token signed with AUTH_JWT_SECRET:
 *   npm run token -- --role officer --sub alice [--role auditor] [--org US-EIN-123] [--ttl 3600]
 * A token lives at most 24 hours (--ttl 86400).
 * AUTH_ISSUER and AUTH_AUDIENCE are copied into the token when set, so it passes the same checks
 * as the running app.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  isRole,
  MAX_DEVELOPMENT_TOKEN_TTL_S,
  ORGANIZATION_ID_PATTERN,
  Role,
  signDevelopmentToken,
} from '@multitrack/auth';
import { DEVELOPMENT_SECRET_FILE } from '../apps/standalone/src/development-secret';

const fail = (message: string): never => {
  process.stderr.write(`token: ${message}\n`);
  process.exit(1);
};

// `npm start` with no AUTH_* variable keeps its HS256 secret in DATA_DIR; sign with the same one.
const developmentSecret = async (): Promise<string | undefined> =>
  readFile(join(process.env.DATA_DIR ?? './data', DEVELOPMENT_SECRET_FILE), 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );

const main = async () => {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      org: { type: 'string' },
      ttl: { type: 'string', default: '3600' },
    },
  });
  const secret = process.env.AUTH_JWT_SECRET || (await developmentSecret());
  if (!secret)
    fail(
      'AUTH_JWT_SECRET is not set (and no development secret in DATA_DIR); export the same secret the app uses',
    );
  const roles = values.role ?? [];
  if (roles.length === 0) fail('give at least one --role (officer, ngo, auditor, admin, witness)');
  const unknown = roles.find((role) => !isRole(role));
  if (unknown) fail(`unknown role "${unknown}" (officer, ngo, auditor, admin, witness)`);
  if (!values.sub) fail('give --sub <user id>');
  if (roles.includes('ngo') && !values.org) fail('an ngo token needs --org <IATI organisation id>');
  if (values.org && !ORGANIZATION_ID_PATTERN.test(values.org))
    fail(`--org "${values.org}" is not an IATI organisation id`);
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) fail('--ttl must be a positive number of seconds');
  if (ttlSeconds > MAX_DEVELOPMENT_TOKEN_TTL_S)
    fail(`--ttl ${ttlSeconds} is over 24 hours (${MAX_DEVELOPMENT_TOKEN_TTL_S} s); mint a new token instead`);

  const token = await signDevelopmentToken({
    secret: secret as string,
    sub: values.sub as string,
    roles: roles as Role[],
    org: values.org,
    ttlSeconds,
    issuer: process.env.AUTH_ISSUER || undefined,
    audience: process.env.AUTH_AUDIENCE || undefined,
  });
  process.stdout.write(`${token}\n`);
};

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
