import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { accountApi } from '../api/accountApi.js';
import { ApiError, UNAUTHENTICATED_EVENT } from '../api/client.js';
import type { User } from '../api/types.js';

type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; expired: boolean }
  | { status: 'signedIn'; user: User }
  | { status: 'unreachable'; message: string };

interface Session {
  state: SessionState;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(() => {
    setState({ status: 'loading' });
    accountApi.me().then(
      ({ user }) => setState({ status: 'signedIn', user }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401)
          setState({ status: 'signedOut', expired: false });
        else
          setState({
            status: 'unreachable',
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
  }, []);

  useEffect(load, [load]);

  useEffect(() => {
    const expire = () => setState({ status: 'signedOut', expired: true });
    window.addEventListener(UNAUTHENTICATED_EVENT, expire);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, expire);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { user } = await accountApi.login(username, password);
    setState({ status: 'signedIn', user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await accountApi.logout();
    } finally {
      setState({ status: 'signedOut', expired: false });
    }
  }, []);

  const session = useMemo(() => ({ state, signIn, signOut, retry: load }), [state, signIn, signOut, load]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in user; only for pages rendered behind the login gate. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser needs a signed-in session');
  return state.user;
}
