import { applyDecorators, HttpCode, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiResponse } from '@nestjs/swagger';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import { CoordinationProblemsInterceptor } from '../../http/coordination-problems.interceptor';
import { WriteResult } from '../../http/write-result';

export type TrancheStatus = 'disbursed' | 'pending_approval';

/** A write on one tranche: `id` is the tranche's, revision/position the match stream's. */
export class TrancheWriteResult extends WriteResult {
  @ApiProperty({ description: 'The match the tranche belongs to' }) matchId!: string;
  @ApiProperty({ enum: ['disbursed', 'pending_approval'] }) status!: TrancheStatus;
}

const IDEMPOTENCY_KEY = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: '1–128 printable characters; a retry with the same key and body returns the first answer',
});

const IF_MATCH = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The match revision the caller last saw, e.g. `"3"`; a stale one is a 412',
});

/**
 * What every matches write documents and shares: the status it answers with, its body, the
 * headers it honours, the problems it can answer with (404 for a match the caller may not see),
 * and the mapping of those problems.
 */
export const MatchWrite = (status: 200 | 201, type: typeof WriteResult, description: string) =>
  applyDecorators(
    HttpCode(status),
    UseInterceptors(CoordinationProblemsInterceptor),
    IDEMPOTENCY_KEY,
    IF_MATCH,
    ApiResponse({ status, type, description }),
    ApiCommandResponses(),
    ApiProblemResponses(404),
  );
