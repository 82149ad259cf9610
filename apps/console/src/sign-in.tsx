import { useState } from 'preact/hooks';
import { Session, sessionOf } from './api/session';

/** Development and tests: a pasted bearer token (README: `npm run token -- --role officer --sub alice`). */
export const SignIn = ({ onSignIn }: { onSignIn: (session: Session) => void }) => {
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (event: Event) => {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget as HTMLFormElement).get('token') ?? '');
    try {
      const session = sessionOf(token);
      if (session.roles.length === 0) throw new Error('The token carries no roles.');
      if (session.expiresAt && session.expiresAt < new Date())
        throw new Error('The token has expired: mint a new one.');
      onSignIn(session);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>Sign in to the Multitrack console</h1>
      <form onSubmit={submit} aria-label="Sign in with a token">
        <label for="token">Bearer token</label>
        <textarea id="token" name="token" rows={5} required autocomplete="off" spellcheck={false} />
        <p class="hint">
          Development: run <code>npm run -s token -- --role officer --sub alice</code> (or{' '}
          <code>--role ngo --org ID</code>, <code>--role auditor</code>) and paste what it prints. The token
          stays in this tab only.
        </p>
        <button type="submit">Sign in</button>
      </form>
      {problem && (
        <div role="alert" class="problem">
          {problem}
        </div>
      )}
    </main>
  );
};
