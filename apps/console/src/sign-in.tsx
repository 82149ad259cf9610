import { useEffect, useState } from 'preact/hooks';
import { ConsoleSettings, finishSignIn, loadSettings, startSignIn } from './api/oidc';
import { Session, sessionOf } from './api/session';

const checked = (session: Session): Session => {
  if (session.roles.length === 0) throw new Error('The token carries no roles.');
  if (session.expiresAt && session.expiresAt < new Date())
    throw new Error('The token has expired: mint a new one.');
  return session;
};

/**
 * Sign-in: at the configured identity provider (authorization code + PKCE, CONSOLE_OIDC_CLIENT_ID),
 * or with a pasted bearer token (development: `npm run token`, see the README).
 */
export const SignIn = ({ onSignIn }: { onSignIn: (session: Session) => void }) => {
  const [problem, setProblem] = useState<string | undefined>();
  const [settings, setSettings] = useState<ConsoleSettings | undefined>();
  const [busy, setBusy] = useState(true);
  const fail = (error: unknown) =>
    setProblem(
      error instanceof TypeError
        ? `The identity provider did not answer this browser (${error.message}): is this origin allowed to call it?`
        : (error as Error).message,
    );
  useEffect(() => {
    loadSettings()
      .then(async (loaded) => {
        setSettings(loaded);
        const token = loaded.oidc ? await finishSignIn(loaded.oidc) : undefined;
        if (token) onSignIn(checked(sessionOf(token, loaded)));
      })
      .catch(fail)
      .finally(() => setBusy(false));
  }, []);
  const paths = settings ?? { rolesClaim: 'roles', orgClaim: 'org' };
  const submit = (event: Event) => {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget as HTMLFormElement).get('token') ?? '');
    try {
      onSignIn(checked(sessionOf(token, paths)));
    } catch (error) {
      fail(error);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>Sign in to the Multitrack console</h1>
      {settings?.oidc && (
        <p>
          <button type="button" disabled={busy} onClick={() => startSignIn(settings.oidc!).catch(fail)}>
            Sign in at {new URL(settings.oidc.issuer).host}
          </button>
        </p>
      )}
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
