import type { FormioFormJson } from '../api/types.js';
import { withDownloadableFiles } from '../formio/taskFormPreparation.js';
import type { EarlierStep } from './earlierSubmissions.js';

/** What a task's form opens with when there is no draft, and where it came from. */
export interface StartingValues {
  data: Record<string, unknown>;
  /** `previous`: the last round of this same step (after a 退回); `context`: read-only fields only. */
  source: 'previous' | 'context';
}

function dataOf(step: EarlierStep): Record<string, unknown> | null {
  const view = step.submission;
  if (!view) return null;
  return view.form ? withDownloadableFiles(view.form, view.submission.data) : view.submission.data;
}

/**
 * Values a task's form starts from when there is no draft:
 * - what the server pre-fills: process variables named like the form's fields (what earlier steps
 *   decided, e.g. the 整改事项 of a notice shown in the school's 整改报告);
 * - after a 退回 the same form comes back: it starts from what was submitted last time, so only the
 *   points the reviewer raised need changing (its evidence files may be kept: the server accepts files of
 *   the same step's earlier rounds).
 * The server validates whatever is sent.
 */
export function startingValues(
  form: FormioFormJson,
  formId: string | null,
  prefill: Record<string, unknown>,
  steps: EarlierStep[],
): StartingValues | null {
  const previousRound = [...steps]
    .reverse()
    .find((step) => formId && step.submission?.submission.formId === formId);
  const data: Record<string, unknown> = {
    ...withDownloadableFiles(form, prefill),
    ...(previousRound ? dataOf(previousRound) : {}),
  };
  if (Object.keys(data).length === 0) return null;
  return { data, source: previousRound ? 'previous' : 'context' };
}
