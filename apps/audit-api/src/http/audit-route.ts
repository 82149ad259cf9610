import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses } from '@multitrack/platform';
import { RecordAuditRead } from '../recording/record-audit-read.interceptor';

/**
 * A route that reads the record (events, entities, exports, the ledger, checks over the log): its
 * roles (auditor unless API.md names others), and the call recorded in the log by its handler's
 * `@Recorded()` read — light or heavy (decision 0171, 0172). 503: the read could not be recorded,
 * or heavy work is queued to the limit; 429: the caller's own share of heavy work is taken.
 */
export const AuditRoute = (...roles: [Role, ...Role[]]) =>
  applyDecorators(
    Roles(...roles),
    UseInterceptors(RecordAuditRead),
    ApiTags('audit'),
    ApiQueryResponses(),
    ApiProblemResponses(503),
  );

/**
 * A route that serves the transparency log's public material (keys, checkpoints, proofs,
 * cosignatures): hashes and signatures meant to be fetched often by anyone holding the role, so
 * not recorded — a witness polling `checkpoints/latest` would otherwise grow the log it watches
 * with every poll (decision 0171).
 */
export const TransparencyRoute = (...roles: [Role, ...Role[]]) =>
  applyDecorators(Roles(...roles), ApiTags('audit'), ApiQueryResponses());
