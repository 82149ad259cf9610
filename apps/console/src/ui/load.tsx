import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../api/client';

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; problem: ApiProblem } | { state: 'done'; value: T };

const asProblem = (error: unknown): ApiProblem =>
  error instanceof ApiProblem ? error : new ApiProblem(0, 'Something went wrong', (error as Error).message);

/** One call's loading, error and answer; `reload` calls it again (after a write). */
export const useLoad = <T,>(load: () => Promise<T>, deps: unknown[]): Loaded<T> & { reload(): void } => {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    load().then(
      (value) => current && setLoaded({ state: 'done', value }),
      (error) => current && setLoaded({ state: 'failed', problem: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...loaded, reload };
};

export const ProblemNote = ({ problem }: { problem: ApiProblem }) => (
  <div role="alert" class="problem">
    <strong>{problem.status ? `${problem.status} ${problem.title}` : problem.title}</strong>
    {problem.detail && <p>{problem.detail}</p>}
    {problem.errors && (
      <ul>
        {problem.errors.map((error) => (
          <li key={error.field}>
            <code>{error.field}</code>: {error.message}
          </li>
        ))}
      </ul>
    )}
  </div>
);

/** Shows the loading and error states of a call, and its answer once there. */
export const Show = <T,>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (value: T) => ComponentChildren;
}) => {
  if (loaded.state === 'loading')
    return (
      <p aria-busy="true" class="loading">
        Loading…
      </p>
    );
  if (loaded.state === 'failed') return <ProblemNote problem={loaded.problem} />;
  return <>{children(loaded.value)}</>;
};

/** A write: pending while it runs, its problem shown, `onDone` called with the answer. */
export const useAction = <A extends unknown[], T>(
  run: (...args: A) => Promise<T>,
  onDone?: (value: T) => void,
) => {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const act = async (...args: A) => {
    setPending(true);
    setProblem(undefined);
    try {
      const value = await run(...args);
      onDone?.(value);
      return value;
    } catch (error) {
      setProblem(asProblem(error));
      return undefined;
    } finally {
      setPending(false);
    }
  };
  return { act, pending, problem };
};
