import type { InstanceSummary, Store } from '@ddt/store';
import type { SamplePopulation } from './sample-population.js';

/** The campaign's school-scope instances in the store are the population. */
export function storeSamplePopulation(store: Pick<Store, 'findInstances'>): SamplePopulation {
  return {
    async schoolsOf(campaignId) {
      const schools: { id: string; type: string | null; districtId: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: InstanceSummary[]; nextCursor: string | null } = await store.findInstances({
          campaignId,
          scope: 'school',
          limit: 1000,
          cursor,
        });
        for (const instance of page.items) {
          if (instance.schoolId)
            schools.push({
              id: instance.schoolId,
              type: instance.schoolType,
              districtId: instance.districtId,
            });
        }
        cursor = page.nextCursor;
      } while (cursor);
      return schools;
    },
  };
}
