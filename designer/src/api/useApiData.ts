import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './client.js';

export type ApiData<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T };

/**
 * Loads data for a page with `load` (memoise it with useCallback: a new function loads again) and returns
 * its state and a `reload`. An answer that arrives after a newer request, or after unmount, is dropped.
 */
export function useApiData<T>(load: () => Promise<T>): [ApiData<T>, () => void] {
  const [state, setState] = useState<ApiData<T>>({ status: 'loading' });
  const latest = useRef(0);

  const run = useCallback(() => {
    const request = ++latest.current;
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    load().then(
      (data) => request === latest.current && setState({ status: 'ready', data }),
      (error: unknown) =>
        request === latest.current && setState({ status: 'error', message: errorMessage(error) }),
    );
  }, [load]);

  useEffect(() => {
    run();
    return () => {
      latest.current++;
    };
  }, [run]);

  return [state, run];
}
