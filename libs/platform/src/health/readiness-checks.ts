import { Injectable } from '@nestjs/common';

/** Resolves when the dependency answers; rejects (with a reason) when it does not. */
export type ReadinessCheck = () => Promise<unknown>;

/**
 * What `/health/ready` asks. Apps register their dependencies at start-up, e.g. in
 * `onModuleInit`: `checks.register('event-store', () => store.ping())`.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`readiness check "${name}" is registered twice`);
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }
}
