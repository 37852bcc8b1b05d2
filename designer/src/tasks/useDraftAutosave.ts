import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { taskApi } from '../api/taskApi.js';

/** How long the form must stay still before an automatic save. */
export const AUTOSAVE_DELAY_MS = 2000;

export type DraftStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; savedAt: string }
  | { state: 'failed'; message: string };

/**
 * Saves a task's form data as a draft: `changed(data)` after each edit saves once the user pauses,
 * `saveNow(data)` saves at once (the 保存草稿 button). A pending save is sent when the page is hidden or
 * left (with `keepalive`, so it survives the navigation); after the task is submitted, `stop()` drops it.
 */
export function useDraftAutosave(taskId: string, enabled: boolean) {
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const pending = useRef<Record<string, unknown> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const stopped = useRef(false);

  const send = useCallback(
    (keepalive: boolean) => {
      window.clearTimeout(timer.current);
      const data = pending.current;
      if (!data || stopped.current) return Promise.resolve();
      pending.current = null;
      setStatus({ state: 'saving' });
      return taskApi.saveDraft(taskId, data, keepalive).then(
        (result) => setStatus({ state: 'saved', savedAt: result.savedAt }),
        (error: unknown) => {
          // Keep the data for the next attempt unless a newer edit replaced it.
          pending.current ??= data;
          setStatus({ state: 'failed', message: errorMessage(error) });
        },
      );
    },
    [taskId],
  );

  const changed = useCallback(
    (data: Record<string, unknown>) => {
      if (!enabled || stopped.current) return;
      pending.current = data;
      setStatus({ state: 'pending' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void send(false), AUTOSAVE_DELAY_MS);
    },
    [enabled, send],
  );

  const saveNow = useCallback(
    (data: Record<string, unknown>) => {
      pending.current = data;
      return send(false);
    },
    [send],
  );

  /** Sends a pending change now (before the page reloads the task). */
  const flush = useCallback(() => send(false), [send]);

  const stop = useCallback(() => {
    stopped.current = true;
    pending.current = null;
    window.clearTimeout(timer.current);
  }, []);

  useEffect(() => {
    stopped.current = false;
    const flush = () => {
      if (document.visibilityState === 'hidden') void send(true);
    };
    const leave = () => void send(true);
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', leave);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', leave);
      // Leaving the task page inside the app: send what is pending.
      void send(true);
    };
  }, [send]);

  return { status, changed, saveNow, flush, stop };
}
