/* eslint-disable @typescript-eslint/no-explicit-any -- OpenAPI documents are untyped JSON */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type Schema = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  /** e.g. `POST /v1/requests/{id}/offers` */
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
  /** status → the JSON schema of that answer's body, or null when the document gives none. */
  responses: Map<string, Schema | null>;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

export const operationsOf = (doc: any): Operation[] =>
  Object.entries<any>(doc.paths).flatMap(([path, item]) =>
    methods
      .filter((method) => item[method])
      .map((method) => {
        const op = item[method];
        const responses = new Map<string, Schema | null>(
          Object.entries<any>(op.responses ?? {}).map(([status, response]) => {
            const content = response.content ?? {};
            const json = content['application/json'] ?? content['application/problem+json'];
            return [status, json?.schema ?? null];
          }),
        );
        return {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])],
          body: op.requestBody?.content?.['application/json']?.schema,
          responses,
        };
      }),
  );

/** Follows `#/components/schemas/X` references (and single-element allOf, as Nest writes them). */
export const resolve = (doc: any, schema: Schema | undefined): Schema | undefined => {
  if (!schema) return schema;
  if (schema.$ref)
    return resolve(
      doc,
      schema.$ref
        .replace(/^#\//, '')
        .split('/')
        .reduce((node: any, key: string) => node?.[key], doc),
    );
  if (schema.allOf?.length === 1 && !schema.type && !schema.properties)
    return resolve(doc, { ...schema.allOf[0], ...omit(schema, 'allOf') });
  return schema;
};

const omit = (object: Schema, key: string) =>
  Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

/**
 * OpenAPI 3.0 schema objects are nearly JSON Schema: `nullable` becomes a `null` alternative,
 * `example` and the other annotations are ignored, references point into the document.
 */
const toJsonSchema = (schema: any): any => {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const converted: any = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example') continue;
    if (key === '$ref' && typeof value === 'string') converted.$ref = value.replace(/^#\//, 'openapi.json#/');
    else if (key === 'properties')
      converted.properties = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, s]) => [name, toJsonSchema(s)]),
      );
    else converted[key] = toJsonSchema(value);
  }
  return schema.nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
};

/** Validators for the answers the document describes. */
export const responseValidator = (doc: any) => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: toJsonSchema(doc.components ?? {}) });
  const cache = new Map<Schema, ValidateFunction>();
  return (schema: Schema, body: unknown): string | undefined => {
    let validate = cache.get(schema);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema));
      cache.set(schema, validate);
    }
    return validate(body) ? undefined : ajv.errorsText(validate.errors);
  };
};
