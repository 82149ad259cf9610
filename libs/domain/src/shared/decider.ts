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

/** Event data is plain JSON (no bigint, no Date): it is stored and hashed as canonical JSON. */
export interface Event<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface DomainError {
  kind: 'DomainError';
  /** The broken rule, e.g. `match.over-disbursed`; becomes the problem+json `type`. */
  rule: string;
  message: string;
}

export const rule = (name: string, message: string = name): DomainError => ({
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
