import { Controller, Get, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '@multitrack/auth';
import { ProblemException, statusProblem } from '../errors/problem';
import { ApiProblemResponses } from '../openapi/api-responses';
import { ReadinessChecks } from './readiness-checks';

/** A dependency that hangs is as good as down; the probe must answer in time either way. */
export const READINESS_TIMEOUT_MS = 3000;

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Readiness');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly checks: ReadinessChecks,
  ) {}

  /** The process is up and serving HTTP; says nothing about its dependencies. */
  @Get('live')
  @ApiOkResponse({ description: 'the process is alive' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Every registered dependency answers; otherwise 503 naming the ones that do not (why: in the log). */
  @Get('ready')
  @ApiOkResponse({ description: 'every dependency answers' })
  @ApiProblemResponses(503)
  async ready(): Promise<HealthCheckResult> {
    const indicators = this.checks.entries().map(([name, check]) => async () => {
      const session = this.indicators.check(name);
      try {
        // A check may answer with details (e.g. the projector's lag), shown under its name.
        const details = await within(check(), READINESS_TIMEOUT_MS);
        return typeof details === 'object' && details !== null
          ? session.up(details as Record<string, unknown>)
          : session.up();
      } catch (error) {
        // Public route: the error's text (hosts, users, driver messages) goes to the log, not to
        // whoever asks.
        this.logger.warn(`${name} not ready: ${error instanceof Error ? error.message : String(error)}`);
        return session.down();
      }
    });
    try {
      return await this.health.check(indicators);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const failing = Object.keys(result.error ?? {});
      throw new ProblemException(
        statusProblem(503, `not ready: ${failing.join(', ')} not answering`, { checks: result.details }),
      );
    }
  }
}
