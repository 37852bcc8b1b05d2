import type { InstanceSummary, Store, Submission } from '@ddt/store';
import type { RollupSource } from './rollup-source.js';

const PAGE = 1000;

/** The campaign's school instances and submissions in the store (read only). */
export function storeRollupSource(
  store: Pick<Store, 'findInstances' | 'getSchool' | 'findSubmissions'>,
): RollupSource {
  return {
    async schoolsOf(campaignId) {
      const schools: { id: string; name: string }[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: InstanceSummary[]; nextCursor: string | null } = await store.findInstances({
          campaignId,
          scope: 'school',
          limit: PAGE,
          cursor,
        });
        for (const instance of page.items) {
          if (!instance.schoolId) continue;
          const school = await store.getSchool(instance.schoolId);
          schools.push({ id: instance.schoolId, name: school?.name ?? instance.schoolId });
        }
        cursor = page.nextCursor;
      } while (cursor);
      return schools;
    },
    async submissionsOf(campaignId, formIds) {
      const all: Submission[] = [];
      for (const formId of formIds) {
        let cursor: string | null = null;
        do {
          const page: { items: Submission[]; nextCursor: string | null } = await store.findSubmissions({
            campaignId,
            formId,
            limit: PAGE,
            cursor,
          });
          all.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
      }
      return all.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
    },
  };
}
