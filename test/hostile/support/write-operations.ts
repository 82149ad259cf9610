/* eslint-disable @typescript-eslint/no-explicit-any -- built from the untyped OpenAPI document */
import { operationsOf, resolve, type Operation, type Schema } from '../../fuzz/support/openapi';
import type { FuzzTarget } from '../../fuzz/support/fuzz';

/** A body the DTO accepts, from the document's own examples (business rules may still refuse it). */
export const exampleOf = (doc: any, raw: Schema | undefined): any => {
  const schema = resolve(doc, raw);
  if (!schema) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (schema.allOf)
    return exampleOf(doc, Object.assign({}, ...schema.allOf.map((part: Schema) => resolve(doc, part))));
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return schema.format === 'date'
        ? '2030-01-15'
        : schema.pattern === '^\\d+(\\.\\d+)?$'
          ? '100.00'
          : 'hostile test';
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [exampleOf(doc, schema.items)];
    default:
      return Object.fromEntries(
        Object.entries<Schema>(schema.properties ?? {}).map(([name, property]) => [
          name,
          exampleOf(doc, property),
        ]),
      );
  }
};

export interface WriteOperation {
  key: string;
  method: string;
  /** With the seeded entities' ids filled in. */
  path: string;
  /** Its DTO's own properties (a forbidden name that is one of them is not forbidden here). */
  properties: string[];
  example: Record<string, unknown>;
}

/** Every operation of the document that takes a JSON body. */
export const writeOperationsOf = (target: FuzzTarget): WriteOperation[] =>
  operationsOf(target.doc)
    .filter((operation): operation is Operation & { body: Schema } => operation.body !== undefined)
    .map((operation) => ({
      key: operation.key,
      method: operation.method,
      path: operation.path.replace(
        /\{(\w+)\}/g,
        (_, name: string) => target.known(operation.path, name)[0] ?? 'unknown',
      ),
      properties: Object.keys(resolve(target.doc, operation.body)?.properties ?? {}),
      example: exampleOf(target.doc, operation.body),
    }));
