/**
 * Prints an HS256 development token signed with AUTH_JWT_SECRET:
 *   npm run token -- --role officer --sub alice [--role auditor] [--org US-EIN-123] [--ttl 3600]
 * AUTH_ISSUER and AUTH_AUDIENCE are copied into the token when set, so it passes the same checks
 * as the running app.
 */
import { parseArgs } from 'node:util';
import { isRole, ORGANIZATION_ID_PATTERN, Role, signDevelopmentToken } from '@multitrack/auth';

const fail = (message: string): never => {
  process.stderr.write(`token: ${message}\n`);
  process.exit(1);
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      org: { type: 'string' },
      ttl: { type: 'string', default: '3600' },
    },
  });
  const secret = process.env.AUTH_JWT_SECRET;
  if (!secret) fail('AUTH_JWT_SECRET is not set; export the same secret the app uses');
  const roles = values.role ?? [];
  if (roles.length === 0) fail('give at least one --role (officer, ngo, auditor, admin, witness)');
  const unknown = roles.find((role) => !isRole(role));
  if (unknown) fail(`unknown role "${unknown}" (officer, ngo, auditor, admin, witness)`);
  if (!values.sub) fail('give --sub <user id>');
  if (roles.includes('ngo') && !values.org) fail('an ngo token needs --org <IATI organisation id>');
  if (values.org && !ORGANIZATION_ID_PATTERN.test(values.org)) fail(`--org "${values.org}" is not an IATI organisation id`);
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) fail('--ttl must be a positive number of seconds');

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
