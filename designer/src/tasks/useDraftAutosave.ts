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
 * `saveNow(data)` saves at once (the 保存草稿 button). Saves run one after another, each sending the newest
 * data, so the server's last write is the latest edit. A pending change is sent when the page is hidden or
 * left (with `keepalive`, so it survives the navigation); after the task is submitted, `stop()` drops it.
 */
export function useDraftAutosave(taskId: string, enabled: boolean) {
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const pending = useRef<Record<string, unknown> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const stopped = useRef(false);

  /** Sends the newest pending data, if any; the status says 'saved' only when nothing newer waits. */
  const sendPending = useCallback(
    async (keepalive: boolean) => {
      const data = pending.current;
      if (!data || stopped.current) return;
      pending.current = null;
      setStatus({ state: 'saving' });
      try {
        const result = await taskApi.saveDraft(taskId, data, keepalive);
        setStatus(pending.current ? { state: 'pending' } : { state: 'saved', savedAt: result.savedAt });
      } catch (error) {
        // Keep the data for the next attempt unless a newer edit replaced it.
        pending.current ??= data;
        setStatus({ state: 'failed', message: errorMessage(error) });
      }
    },
    [taskId],
  );

  const enqueue = useCallback(() => {
    window.clearTimeout(timer.current);
    queue.current = queue.current.then(() => sendPending(false));
    return queue.current;
  }, [sendPending]);

  const changed = useCallback(
    (data: Record<string, unknown>) => {
      if (!enabled || stopped.current) return;
      pending.current = data;
      setStatus({ state: 'pending' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void enqueue(), AUTOSAVE_DELAY_MS);
    },
    [enabled, enqueue],
  );

  const saveNow = useCallback(
    (data: Record<string, unknown>) => {
      pending.current = data;
      return enqueue();
    },
    [enqueue],
  );

  /** Sends a pending change now and waits for every save (before the page reloads the task). */
  const flush = enqueue;

  const stop = useCallback(() => {
    stopped.current = true;
    pending.current = null;
    window.clearTimeout(timer.current);
  }, []);

  useEffect(() => {
    stopped.current = false;
    // Leaving: the request must start now, not after earlier saves, or the page is gone first.
    const leave = () => {
      window.clearTimeout(timer.current);
      void sendPending(true);
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', leave);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', leave);
      // Leaving the task page inside the app: send what is pending.
      leave();
    };
  }, [sendPending]);

  return { status, changed, saveNow, flush, stop };
}
