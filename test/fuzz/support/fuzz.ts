/* eslint-disable @typescript-eslint/no-explicit-any -- answers are untyped JSON */
import fc from 'fast-check';
import { invalidBody, nastyString, validValue } from './arbitraries';
import { operationsOf, responseValidator, type Operation, type Parameter } from './openapi';

export interface FuzzTarget {
  url: string;
  /** The app's own OpenAPI document (`/docs-json`). */
  doc: any;
  /** Bearer tokens by label (`officer`, `ngo`, …, and bad ones); null sends no Authorization. */
  principals: Record<string, string | null>;
  /** Values that name existing things for a path template's parameter: ids, stream ids, tree sizes. */
  known(path: string, parameter: string): string[];
  /** What else is wrong with one answer, by this app's own rules (beyond the document's). */
  check?(sent: FuzzRequest, status: number, headers: Headers, text: string): string[];
}

export interface FuzzRequest {
  operation: string;
  method: string;
  path: string;
  principal: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzReport {
  requests: number;
  byOperation: Record<string, number>;
  byStatus: Record<string, number>;
  byPrincipal: Record<string, number>;
  /** `operation status` → count. */
  byOperationStatus: Record<string, number>;
}

/** Lone surrogates cannot be percent-encoded; a client would send U+FFFD in their place. */
const encode = (value: string) =>
  encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );

/** Cursors of the right encoding but a shape no list issues (`["x"]` was a 500, issue 19). */
const forgedCursor = fc
  .constantFrom<unknown>(['x'], [1, 2, 3], { position: 1 }, [-1], [null], 'x', [1e308], [], [[1]], ['1', 'x'])
  .map((value) => Buffer.from(JSON.stringify(value)).toString('base64url'));

/** Principals whose token must fail authentication. */
const badLabel = /expired|audience|alg|garbage|issuer/i;

/** Query values that waste no time: a valid `minRevision` above the entity's waits 5 s for a 503. */
const slowParameters = new Set(['minRevision']);

const parameterValue = (
  target: FuzzTarget,
  operation: Operation,
  parameter: Parameter,
): fc.Arbitrary<string> => {
  const known = target.known(operation.path, parameter.name).map((value) => fc.constant(value));
  const valid = validValue(target.doc, parameter.schema).map((value) => String(value));
  const garbage = fc.oneof(
    nastyString,
    fc.constantFrom('-1', '1.5', '1e999', '99999999999999999999', '0x10', 'null', 'true'),
    ...(parameter.name === 'cursor' ? [forgedCursor] : []),
  );
  if (slowParameters.has(parameter.name)) return garbage;
  return known.length
    ? fc.oneof(
        { arbitrary: fc.oneof(...known), weight: 6 },
        { arbitrary: valid, weight: 2 },
        { arbitrary: garbage, weight: 1 },
      )
    : fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: garbage, weight: 1 });
};

const headerValue = (parameter: Parameter): fc.Arbitrary<string> => {
  const name = parameter.name.toLowerCase();
  const printable = fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
    minLength: 0,
    maxLength: 200,
  });
  if (name === 'if-match')
    return fc.oneof(
      fc.nat(5).map((n) => `"${n}"`),
      fc.constantFrom('*', '"-1"', 'W/"1"', '"abc"', '""', '1'),
      printable,
    );
  return printable;
};

const requestOf = (target: FuzzTarget, operation: Operation): fc.Arbitrary<FuzzRequest> => {
  const pathParameters = operation.parameters.filter((p) => p.in === 'path');
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const headerParameters = operation.parameters.filter((p) => p.in === 'header');
  const body = operation.body
    ? fc.oneof(
        { arbitrary: validValue(target.doc, operation.body).map((json) => JSON.stringify(json)), weight: 3 },
        {
          arbitrary: invalidBody(target.doc, operation.body).map(
            ({ json, raw }) => raw ?? JSON.stringify(json),
          ),
          weight: 2,
        },
      )
    : operation.method === 'GET'
      ? fc.constant(undefined)
      : fc.option(fc.constantFrom('{}', '{"unexpected":true}', 'not json'), { nil: undefined, freq: 8 });
  return fc
    .record({
      // Mostly real roles, so requests get past authentication to the code behind it.
      principal: fc.oneof(
        {
          arbitrary: fc.constantFrom(
            ...Object.keys(target.principals).filter(
              (label) => target.principals[label] && !badLabel.test(label),
            ),
          ),
          weight: 4,
        },
        { arbitrary: fc.constantFrom(...Object.keys(target.principals)), weight: 1 },
      ),
      // '', '.' and '..' cannot be one path segment: the URL would name another route (a list, a parent).
      path: fc.tuple(
        ...pathParameters.map((p) =>
          parameterValue(target, operation, p).filter((value) => !['', '.', '..'].includes(value)),
        ),
      ),
      query: fc.tuple(
        ...queryParameters.map((p) => fc.option(parameterValue(target, operation, p), { nil: undefined })),
      ),
      extraQuery: fc.option(
        fc.constantFrom('unexpected=1', 'limit=0', 'limit=501', 'cursor=%%', '__proto__[x]=1'),
        { nil: undefined, freq: 6 },
      ),
      headers: fc.tuple(...headerParameters.map((p) => fc.option(headerValue(p), { nil: undefined }))),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        undefined,
      ),
      body,
    })
    .map(({ principal, path, query, extraQuery, headers, contentType, body }) => {
      let url = operation.path;
      pathParameters.forEach((p, i) => (url = url.replace(`{${p.name}}`, encode(path[i]))));
      const search = queryParameters
        .map((p, i) => (query[i] === undefined ? undefined : `${encode(p.name)}=${encode(query[i]!)}`))
        .filter(Boolean);
      if (extraQuery) search.push(extraQuery);
      const sent: Record<string, string> = {};
      headerParameters.forEach((p, i) => headers[i] !== undefined && (sent[p.name] = headers[i]!));
      const token = target.principals[principal];
      if (token) sent.authorization = `Bearer ${token}`;
      if (body !== undefined && contentType) sent['content-type'] = contentType;
      return {
        operation: operation.key,
        method: operation.method,
        path: search.length ? `${url}?${search.join('&')}` : url,
        principal,
        headers: sent,
        body,
      };
    });
};

/** Everything that is wrong with one answer, per API.md and the app's own OpenAPI document. */
const violationsOf = (
  operation: Operation,
  status: number,
  contentType: string,
  text: string,
  validate: ReturnType<typeof responseValidator>,
  problemSchema: any,
): string[] => {
  const found: string[] = [];
  // A 503 only where the document promises one (readiness, `minRevision`): never a 500.
  if (status >= 500 && !operation.responses.has(String(status))) found.push(`server error ${status}`);
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: fine for CSV, XML, NDJSON and text answers
  }
  if (status >= 400) {
    if (!contentType.startsWith('application/problem+json'))
      found.push(`error ${status} as ${contentType || 'no content type'}`);
    const invalid = validate(problemSchema, body);
    if (invalid) found.push(`problem body: ${invalid}`);
    else if ((body as any).status !== status)
      found.push(`problem status ${(body as any).status} on a ${status}`);
    if (!operation.responses.has(String(status))) found.push(`undocumented ${status}`);
  }
  const schema = operation.responses.get(String(status));
  if (status < 400 && schema && contentType.startsWith('application/json')) {
    const invalid = validate(schema, body);
    if (invalid) found.push(`${status} body does not match the document: ${invalid}`);
  }
  return found;
};

/**
 * Sends `runs` generated requests, spread over every operation of the document and every
 * principal, and fails (with the request that broke it) on the first answer that is a server
 * error, an error that is not problem+json, or a body that contradicts the document.
 */
export const fuzz = async (
  target: FuzzTarget,
  runs: number,
  include: (operation: Operation) => boolean = () => true,
): Promise<FuzzReport> => {
  const operations = operationsOf(target.doc).filter(include);
  const validate = responseValidator(target.doc);
  const problemSchema = { $ref: '#/components/schemas/ProblemSchema' };
  const report: FuzzReport = {
    requests: 0,
    byOperation: {},
    byStatus: {},
    byPrincipal: {},
    byOperationStatus: {},
  };
  const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1);
  const byKey = new Map(operations.map((operation) => [operation.key, operation]));
  const request = fc.nat(operations.length - 1).chain((i) => requestOf(target, operations[i]));
  await fc.assert(
    fc.asyncProperty(request, async (sent) => {
      const operation = byKey.get(sent.operation)!;
      const response = await fetch(`${target.url}${sent.path}`, {
        method: sent.method,
        headers: sent.headers,
        body: sent.body,
      });
      const text = await response.text();
      report.requests += 1;
      count(report.byOperation, operation.key);
      count(report.byStatus, String(response.status));
      count(report.byPrincipal, sent.principal);
      count(report.byOperationStatus, `${operation.key} ${response.status}`);
      const found = [
        ...violationsOf(
          operation,
          response.status,
          response.headers.get('content-type') ?? '',
          text,
          validate,
          problemSchema,
        ),
        ...(target.check?.(sent, response.status, response.headers, text) ?? []),
      ];
      if (found.length) throw new Error(`${found.join('; ')}\nanswer: ${text.slice(0, 600)}`);
    }),
    { numRuns: runs, endOnFailure: true, verbose: 1 },
  );
  return report;
};

export const fuzzRuns = () => Number(process.env.FUZZ_RUNS ?? 2000);
