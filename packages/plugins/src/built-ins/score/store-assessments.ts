import type { Store, Submission } from '@ddt/store';
import type { AssessmentSource } from './assessment-source.js';

/** The score handler's view of the store. */
export function storeAssessments(
  store: Pick<Store, 'getProgramVersion' | 'getSchool' | 'findSubmissions'>,
): AssessmentSource {
  return {
    programVersion: (key, version) => store.getProgramVersion(key, version),
    async schoolType(schoolId) {
      return (await store.getSchool(schoolId))?.type ?? null;
    },
    async latestSubmissionData(instanceId, formId) {
      // Submissions come oldest first; an instance has a handful per form, so reading all is cheap.
      let latest: Submission | null = null;
      let cursor: string | null = null;
      do {
        const page = await store.findSubmissions({ instanceId, formId, limit: 1000, cursor });
        latest = page.items.at(-1) ?? latest;
        cursor = page.nextCursor;
      } while (cursor);
      return latest?.data ?? null;
    },
  };
}
