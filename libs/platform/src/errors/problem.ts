import { STATUS_CODES } from 'node:http';

/**
 * Problem `type` URIs: one base, then either a status slug (`not-found`) or, for a broken
 * business rule, the rule's name (`match.over-disbursed`). See docs/decisions/0041.
 */
export const PROBLEM_TYPE_BASE = 'https://multitrack.example/problems/';

export interface FieldError {
  /** Dotted path into the body, `[i]` for array items: `budget.amount`, `tracks[0]`. */
  field: string;
  message: string;
}

/** RFC 9457 problem details, as sent with `Content-Type: application/problem+json`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const problemType = (slug: string): string => `${PROBLEM_TYPE_BASE}${slug}`;

const titleOf = (status: number): string => STATUS_CODES[status] ?? 'Error';
const slugOf = (status: number): string =>
  titleOf(status)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/** The problem for a plain HTTP status: `type` and `title` follow from the status. */
export const statusProblem = (
  status: number,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem => ({
  type: problemType(slugOf(status)),
  title: titleOf(status),
  status,
  detail,
  ...extensions,
});

/**
 * Throw this to answer with a specific problem (and headers such as `Retry-After`); everything
 * else thrown is mapped by `toProblem`.
 */
export class ProblemException extends Error {
  override readonly name = 'ProblemException';
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
  }
}

export const validationProblem = (errors: FieldError[]): ProblemException =>
  new ProblemException({
    ...statusProblem(400, 'the request is invalid; see errors'),
    type: problemType('validation-failed'),
    title: 'Invalid request',
    errors,
  });
