import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { apiFor } from './api/client';
import { Session, savedSession, saveSession } from './api/session';
import { Records } from './audit/records';
import { FundingFlow } from './audit/flow';
import { Timeline } from './audit/timeline';
import { Verify } from './audit/verify';
import { Approvals } from './desk/approvals';
import { MatchPage } from './desk/match';
import { CooperationMetrics } from './desk/metrics';
import { RequestPage } from './desk/request';
import { RequestList } from './desk/requests';
import { href, useRoute } from './routes';
import { SignIn } from './sign-in';
import { SignedIn } from './ui/context';
import './console.css';

const navigation = (session: Session): [string, string][] => [
  ...(session.roles.some((role) => role === 'officer' || role === 'ngo' || role === 'auditor')
    ? [[href('requests'), 'Requests'] as [string, string]]
    : []),
  ...(session.roles.includes('officer') ? [[href('approvals'), 'Approvals'] as [string, string]] : []),
  ...(session.roles.some((role) => role === 'officer' || role === 'auditor')
    ? [[href('metrics'), 'Metrics'] as [string, string]]
    : []),
  ...(session.roles.includes('auditor')
    ? ([
        [href('audit', 'flow'), 'Funding flow'],
        [href('audit', 'timeline'), 'Timeline'],
        [href('audit', 'verify'), 'Verify'],
        [href('audit', 'records'), 'Integrity & exports'],
      ] as [string, string][])
    : []),
];

const Page = ({ route, session }: { route: string[]; session: Session }) => {
  const [first, second] = route;
  if (first === 'requests' && second) return <RequestPage id={second} />;
  if (first === 'matches' && second) return <MatchPage id={second} />;
  if (first === 'approvals') return <Approvals />;
  if (first === 'metrics') return <CooperationMetrics />;
  if (first === 'audit' && second === 'flow') return <FundingFlow />;
  if (first === 'audit' && second === 'timeline') return <Timeline />;
  if (first === 'audit' && second === 'verify') return <Verify />;
  if (first === 'audit' && second === 'records') return <Records />;
  if (!first && session.roles.includes('auditor') && !session.roles.includes('officer'))
    return <FundingFlow />;
  return <RequestList />;
};

const Console = () => {
  const [session, setSession] = useState<Session | undefined>(savedSession);
  const route = useRoute();
  // A new page moves the keyboard focus to its content, as a page load would, but not on the first.
  const first = useRef(true);
  useEffect(() => {
    if (!first.current) document.getElementById('main')?.focus();
    first.current = false;
  }, [route.join('/')]);
  const signed = useMemo(() => session && { session, api: apiFor(session) }, [session]);
  const change = (next: Session | undefined) => {
    saveSession(next);
    setSession(next);
  };
  if (!signed) return <SignIn onSignIn={change} />;
  return (
    <SignedIn.Provider value={signed}>
      <a
        class="skip"
        href="#main"
        onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}
      >
        Skip to content
      </a>
      <header>
        <p class="brand">Multitrack console</p>
        <nav aria-label="Main">
          <ul>
            {navigation(signed.session).map(([link, label]) => (
              <li key={link}>
                <a href={link} aria-current={location.hash === link ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p class="who">
          Signed in as <strong>{signed.session.sub}</strong> ({signed.session.roles.join(', ')}
          {signed.session.org ? `, ${signed.session.org}` : ''}){' '}
          <button type="button" onClick={() => change(undefined)}>
            Sign out
          </button>
        </p>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} session={signed.session} />
      </main>
    </SignedIn.Provider>
  );
};

render(<Console />, document.getElementById('console')!);
