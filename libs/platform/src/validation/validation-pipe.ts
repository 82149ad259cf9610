import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, validationProblem } from '../errors/problem';

/**
 * Keys that class-transformer silently drops (prototype-pollution guard), so whitelisting never
 * sees them: they would vanish instead of being the 400 that API.md promises for unknown fields.
 */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const join = (parent: string, key: string): string =>
  /^\d+$/.test(key) ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * class-transformer takes time quadratic in an object's key count (80 000 unknown keys, well
 * under 1 MiB, held the event loop for seconds); no DTO has more than a few dozen properties.
 */
export const MAX_PROPERTIES = 1000;

const findUnsafeKeys = (value: unknown, path = ''): FieldError[] => {
  if (typeof value !== 'object' || value === null) return [];
  const keys = Object.keys(value);
  if (!Array.isArray(value) && keys.length > MAX_PROPERTIES) {
    return [{ field: path || '(body)', message: `has more than ${MAX_PROPERTIES} properties` }];
  }
  return keys.flatMap((key) =>
    UNSAFE_KEYS.has(key)
      ? [{ field: join(path, key), message: `property ${key} should not exist` }]
      : findUnsafeKeys((value as Record<string, unknown>)[key], join(path, key)),
  );
};

/** class-validator's error tree as flat `{ field, message }` pairs with dotted paths. */
export const flattenValidationErrors = (errors: ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = join(parent, error.property ?? '');
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: field || '(body)',
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });

/**
 * Whitelist, refuse unknown properties (nested too), transform into the DTO class; every failure
 * is a 400 problem with `errors: [{ field, message }]`.
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const unsafe = findUnsafeKeys(value);
      if (unsafe.length > 0) throw validationProblem(unsafe);
    }
    return super.transform(value, metadata);
  }
}
