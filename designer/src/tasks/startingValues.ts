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
 * Values a task's form starts from, taken from the instance's earlier submissions (the task API returns
 * a draft but no prefill):
 * - after a 退回 the same form comes back: it starts from what was submitted last time, so only the
 *   points the reviewer raised need changing (its evidence files may be kept: the server accepts files of
 *   the same step's earlier rounds);
 * - response forms repeat what an earlier step decided as disabled fields with the same key (the 整改事项
 *   of a notice in the school's 整改报告): each disabled top-level field takes the newest earlier value.
 * Fields the user answers are otherwise left empty, and the server validates whatever is sent.
 */
export function startingValues(
  form: FormioFormJson,
  formId: string | null,
  steps: EarlierStep[],
): StartingValues | null {
  const newestFirst = [...steps].reverse();
  const previousRound = newestFirst.find((step) => formId && step.submission?.submission.formId === formId);
  const data: Record<string, unknown> = { ...(previousRound ? dataOf(previousRound) : {}) };
  const components = Array.isArray(form.components) ? (form.components as Record<string, unknown>[]) : [];
  for (const component of components) {
    if (component?.disabled !== true || typeof component.key !== 'string') continue;
    const key = component.key;
    for (const step of newestFirst) {
      const values = dataOf(step);
      if (values && Object.hasOwn(values, key)) {
        data[key] = values[key];
        break;
      }
    }
  }
  if (Object.keys(data).length === 0) return null;
  return { data, source: previousRound ? 'previous' : 'context' };
}
