import type { RuleName } from './rules';

/** Who asked, and when: time comes in on the command, never from a clock inside the domain. */
export interface CommandMetadata {
  actor: { sub: string; roles: string[]; organizationId?: string };
  /** ISO 8601 instant. */
  now: string;
}

export interface Command<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/**
 * Event data is plain JSON (no bigint, no Date): it is stored and hashed as canonical JSON.
 * Data types are declared with `type`, not `interface`, so they stay assignable to
 * `Record<string, unknown>` (the event store's `NewEvent.data`).
 */
export interface Event<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface DomainError {
  kind: 'DomainError';
  /** The broken rule, e.g. `match.over-disbursed`; becomes the problem+json `type`. */
  rule: RuleName;
  message: string;
}

export const rule = (name: RuleName, message: string = name): DomainError => ({
  kind: 'DomainError',
  rule: name,
  message,
});

export const isDomainError = (value: unknown): value is DomainError =>
  typeof value === 'object' && value !== null && (value as DomainError).kind === 'DomainError';

export interface Decider<C extends Command, E extends Event, S> {
  decide(command: C, state: S): E[] | DomainError;
  evolve(state: S, event: E): S;
  initialState: S;
}
