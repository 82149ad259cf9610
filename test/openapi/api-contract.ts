/* eslint-disable @typescript-eslint/no-explicit-any -- OpenAPI documents are untyped JSON */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { operationsOf, responseValidator, type Operation } from '../fuzz/support/openapi';

const allRoles = ['officer', 'ngo', 'auditor', 'admin', 'witness'];

/** One row of API.md's tables: a route and the roles its "who" says may call it (null: no auth). */
export interface ContractRoute {
  key: string;
  section: string;
  roles: string[] | null;
  /** The media type of the success answer: the one the row's notes name, else JSON. */
  mediaType: string;
}

/** The contract lives beside the repository (`shared/API.md`); API_CONTRACT points elsewhere. */
export const readApiContract = (): string => {
  const path = process.env.API_CONTRACT ?? resolve(__dirname, '../../../shared/API.md');
  if (!existsSync(path))
    throw new Error(`API.md not found at ${path}: set API_CONTRACT to the contract's path`);
  return readFileSync(path, 'utf8');
};

const cellsOf = (row: string) =>
  row
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());

const rolesNamedIn = (text: string) =>
  /any role/.test(text) ? allRoles : allRoles.filter((role) => new RegExp(`\\b${role}\\b`).test(text));

/**
 * Every `METHOD /path` of API.md's tables with its roles: the "who" column where a table has one;
 * in the audit table, the roles in brackets after the path, a note's "role `x`", else the section's
 * own ("auditor role"). The health probes are prose: they take no token.
 */
export const contractRoutes = (markdown: string): ContractRoute[] => {
  const routes: ContractRoute[] = [];
  let section = '';
  let whoColumn = -1;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) [section, whoColumn] = [line.slice(3).trim(), -1];
    if (!line.startsWith('|')) continue;
    const cells = cellsOf(line);
    if (cells[0] === 'method and path') whoColumn = cells.indexOf('who');
    const keys = [...cells[0].matchAll(/`(GET|POST|PUT|PATCH|DELETE) ([^`?\s]+)[^`]*`/g)].map(
      ([, method, path]) => `${method} ${path}`,
    );
    if (keys.length === 0) continue;
    const bracketed = /`\s*\(([^)]*)\)/.exec(cells[0])?.[1];
    const noted = /^role `(\w+)`/.exec(cells[1] ?? '')?.[1];
    const sectionDefault = /\((\w+) role/.exec(section)?.[1];
    const who = whoColumn >= 0 ? cells[whoColumn] : (bracketed ?? noted ?? sectionDefault ?? '');
    const mediaType =
      /`((?:application|text)\/[\w.+-]+)`/.exec(cells.slice(1).join(' '))?.[1] ?? 'application/json';
    for (const key of keys) routes.push({ key, section, roles: rolesNamedIn(who), mediaType });
  }
  const health = /`GET (\/health\/\w+)`/g;
  for (const [, path] of markdown.matchAll(health))
    routes.push({ key: `GET ${path}`, section: 'Health', roles: null, mediaType: 'application/json' });
  return routes;
};

export interface DocumentedOperation extends Operation {
  roles: string[] | undefined;
  /** status → the media types of that answer. */
  media: Map<string, string[]>;
}

export const documentedOperations = (doc: any): Map<string, DocumentedOperation> =>
  new Map(
    operationsOf(doc).map((operation) => {
      const raw = doc.paths[operation.path][operation.method.toLowerCase()];
      const media = new Map(
        Object.entries<any>(raw.responses).map(([status, response]) => [
          status,
          Object.keys(response.content ?? {}),
        ]),
      );
      return [operation.key, { ...operation, roles: raw['x-roles'], media }];
    }),
  );

/** What a problem answer must look like in the document: RFC 9457 problem+json with the shared schema. */
export const problemStatusesOf = (doc: any, operation: DocumentedOperation): string[] =>
  Object.entries<any>(doc.paths[operation.path][operation.method.toLowerCase()].responses)
    .filter(
      ([status, response]) =>
        Number(status) >= 400 &&
        response.content?.['application/problem+json']?.schema?.$ref === '#/components/schemas/ProblemSchema',
    )
    .map(([status]) => status);

/**
 * A copy of the document in which every object schema that lists its properties and says nothing
 * about others forbids them: a body then validates only if the document names every field it has.
 */
export const closedSchemas = (doc: any): any => {
  const close = (node: any): any => {
    if (Array.isArray(node)) return node.map(close);
    if (!node || typeof node !== 'object') return node;
    const copy = Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, key === 'example' ? value : close(value)]),
    );
    if (
      copy.properties &&
      copy.additionalProperties === undefined &&
      !copy.allOf &&
      !copy.oneOf &&
      !copy.anyOf
    )
      copy.additionalProperties = false;
    return copy;
  };
  return { ...doc, components: close(doc.components), paths: close(doc.paths) };
};

/** Validates a body against the document's schema for that route and status, closed as above. */
export const bodyValidator = (doc: any) => {
  const closed = closedSchemas(doc);
  const validate = responseValidator(closed);
  const operations = documentedOperations(closed);
  return (key: string, status: number, body: unknown): string | undefined => {
    const schema = operations.get(key)?.responses.get(String(status));
    if (!schema) return `${key} documents no JSON body for ${status}`;
    return validate(schema, body);
  };
};

/**
 * Expects the route of API.md in the document: one 2xx answer of the given media type, `x-roles`
 * equal to its "who" (none on a public route), problem+json answers for bad input, a missing or
 * refused token and the rate limit. Returns the operation and its success status.
 */
export const expectRouteDocumented = (
  doc: any,
  route: ContractRoute,
  mediaType = route.mediaType,
): { operation: DocumentedOperation; success: string } => {
  const operation = documentedOperations(doc).get(route.key);
  expect({ route: route.key, documented: Boolean(operation) }).toEqual({
    route: route.key,
    documented: true,
  });
  const success = [...operation!.media.keys()].filter((status) => /^2\d\d$/.test(status));
  expect({ route: route.key, success: success.length }).toEqual({ route: route.key, success: 1 });
  if (route.roles === null) {
    expect({ route: route.key, roles: operation!.roles }).toEqual({ route: route.key, roles: undefined });
    return { operation: operation!, success: success[0] };
  }
  expect({ route: route.key, roles: [...(operation!.roles ?? [])].sort() }).toEqual({
    route: route.key,
    roles: [...route.roles].sort(),
  });
  expect({ route: route.key, media: operation!.media.get(success[0]) }).toEqual({
    route: route.key,
    media: [mediaType],
  });
  expect({ route: route.key, problems: problemStatusesOf(doc, operation!) }).toEqual({
    route: route.key,
    problems: expect.arrayContaining(['400', '401', '403', '429']),
  });
  return { operation: operation!, success: success[0] };
};
