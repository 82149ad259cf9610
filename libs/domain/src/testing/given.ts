import type { Command, Decider, Event } from '../shared/decider';
import { foldEvents } from '../shared/fold';
import type { RuleName } from '../shared/rules';

/**
 * `given(history).when(command).then(events)` / `.thenFails(rule)`, after Emmett's
 * DeciderSpecification. `then` also folds the new events, so evolve is exercised with them.
 */
export const specFor = <C extends Command, E extends Event, S>(decider: Decider<C, E, S>) => ({
  given: (history: E[]) => ({
    when: (command: C) => {
      const state = foldEvents(decider, history);
      const outcome = decider.decide(command, state);
      return {
        /** `stateAfter` may assert on the state the new events lead to. */
        then: (expected: E[], stateAfter?: (state: S) => void): void => {
          expect(outcome).toEqual(expected);
          const next = foldEvents({ ...decider, initialState: state }, expected);
          stateAfter?.(next);
        },
        thenFails: (rule: RuleName): void => {
          expect(outcome).toMatchObject({ kind: 'DomainError', rule });
        },
      };
    },
  }),
});
