import { validationProblem } from '@multitrack/platform';

/**
 * The approval carries no fields: who approves is the token's `sub`. A body is still checked, so
 * that an unknown field is the 400 API.md promises rather than silently ignored.
 */
export const assertEmptyApprovalBody = (body: unknown): void => {
  if (body === undefined || body === null) return;
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw validationProblem([{ field: '(body)', message: 'the approval body must be an empty object' }]);
  }
  const unknown = Object.keys(body);
  if (unknown.length > 0) {
    throw validationProblem(
      unknown.map((field) => ({ field, message: `property ${field} should not exist` })),
    );
  }
};
