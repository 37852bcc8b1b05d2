import { type AnchorHTMLAttributes, type MouseEvent, useMemo, useSyncExternalStore } from 'react';

// A tiny history router: the server falls back to index.html for every non-/api path, so plain URLs work.

const NAVIGATE_EVENT = 'ddt:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;
const currentSearch = () => window.location.search;

/** The current path; components re-render when it changes. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** The current query string's parameters (`?status=running`); components re-render when it changes. */
export function useSearchParams(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, currentSearch);
  return useMemo(() => new URLSearchParams(search), [search]);
}

/** Goes to `to`; `notice` is a one-time message for the next page (read it with `takeNotice`). */
export function navigate(to: string, options: { replace?: boolean; notice?: string } = {}): void {
  const state = options.notice ? { notice: options.notice } : null;
  if (to === window.location.pathname + window.location.search && !state) return;
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

/** Returns the notice passed to `navigate` once, so a reload does not show it again. */
export function takeNotice(): string | null {
  const state: unknown = window.history.state;
  if (!state || typeof state !== 'object' || !('notice' in state) || typeof state.notice !== 'string')
    return null;
  window.history.replaceState(null, '', window.location.href);
  return state.notice;
}

/** Matches `/tasks/:id`-style patterns; returns the decoded parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An anchor that navigates inside the app, leaving modified clicks (new tab) to the browser. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
