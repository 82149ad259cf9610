import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../api/client';
import type { Session } from '../api/session';

export interface Signed {
  session: Session;
  api: Api;
}

export const SignedIn = createContext<Signed | undefined>(undefined);

export const useSigned = (): Signed => {
  const signed = useContext(SignedIn);
  if (!signed) throw new Error('useSigned outside a signed-in page');
  return signed;
};
