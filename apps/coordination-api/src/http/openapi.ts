import type { ApiHeaderOptions } from '@nestjs/swagger';

export const IF_MATCH_HEADER: ApiHeaderOptions = {
  name: 'If-Match',
  required: false,
  description: 'The revision the caller last saw, e.g. `"3"` (also `W/"3"` or `3`); stale → 412',
};

export const IDEMPOTENCY_KEY_HEADER: ApiHeaderOptions = {
  name: 'Idempotency-Key',
  required: false,
  description: '1–128 printable characters; a retry with the same key and body replays the first answer',
};
