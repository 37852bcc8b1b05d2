import { errorMessage } from '../api/client.js';
import { taskApi } from '../api/taskApi.js';
import type { SubmissionView, TaskHistoryEntry } from '../api/types.js';

/** One completed step of the instance, with its submission when it had a form. */
export interface EarlierStep {
  entry: TaskHistoryEntry;
  submission: SubmissionView | null;
  /** Why the submission could not be read (shown in place of it). */
  error: string | null;
}

/** Reads the submissions of the instance's completed steps, in parallel; a failed read stays on its step. */
export async function loadEarlierSteps(history: TaskHistoryEntry[]): Promise<EarlierStep[]> {
  return Promise.all(
    history.map(async (entry): Promise<EarlierStep> => {
      if (!entry.submissionId) return { entry, submission: null, error: null };
      try {
        return { entry, submission: await taskApi.submission(entry.submissionId), error: null };
      } catch (error) {
        return { entry, submission: null, error: errorMessage(error) };
      }
    }),
  );
}
