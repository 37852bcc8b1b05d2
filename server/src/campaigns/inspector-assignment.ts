import type { School, Store } from '@ddt/store';

export interface Reassignment {
  schoolId: string;
  schoolName: string;
  /** The school's 责任督学 (挂牌), who must 回避. */
  fromInspectorId: string;
  /** Another inspector of the same 责任区 who takes the school for this campaign. */
  toInspectorId: string;
}

export interface Unassigned {
  schoolId: string;
  schoolName: string;
  /** `none`: the school has no 责任督学; `conflict`: it must 回避 and nobody else in the 责任区 can take it. */
  reason: 'none' | 'conflict';
  fromInspectorId: string | null;
}

export interface AssignmentReport {
  reassigned: Reassignment[];
  unassigned: Unassigned[];
}

/**
 * Decides who inspects each target school in a campaign. The 责任督学 (挂牌) keeps the school unless it
 * declared a conflict (回避) with it; then the school goes to the inspector of the same 责任区 with the
 * fewest schools in this campaign (ties by id) who has no conflict with it, or stays unassigned. A
 * conflicted pair is never assigned. The returned schools carry the effective `inspectorId`, which is
 * what the launched instance sees as `school.inspectorId`.
 */
export async function assignInspectors(
  store: Store,
  targets: School[],
): Promise<{ schools: School[]; report: AssignmentReport }> {
  const report: AssignmentReport = { reassigned: [], unassigned: [] };
  const conflicted = new Set<string>();
  const load = new Map<string, number>();
  for (const school of targets) {
    if (!school.inspectorId) continue;
    if (await store.hasConflict(school.inspectorId, school.id)) conflicted.add(school.id);
    else load.set(school.inspectorId, (load.get(school.inspectorId) ?? 0) + 1);
  }
  const districtInspectors = new Map<string, string[]>();
  const schools: School[] = [];
  for (const school of targets) {
    if (!school.inspectorId) {
      report.unassigned.push({
        schoolId: school.id,
        schoolName: school.name,
        reason: 'none',
        fromInspectorId: null,
      });
      schools.push(school);
      continue;
    }
    if (!conflicted.has(school.id)) {
      schools.push(school);
      continue;
    }
    let candidates = districtInspectors.get(school.districtId);
    if (!candidates) {
      candidates = await inspectorsOfDistrict(store, school.districtId);
      districtInspectors.set(school.districtId, candidates);
    }
    let chosen: string | null = null;
    for (const candidate of candidates) {
      if (candidate === school.inspectorId || (await store.hasConflict(candidate, school.id))) continue;
      if (chosen === null || (load.get(candidate) ?? 0) < (load.get(chosen) ?? 0)) chosen = candidate;
    }
    if (chosen) {
      load.set(chosen, (load.get(chosen) ?? 0) + 1);
      report.reassigned.push({
        schoolId: school.id,
        schoolName: school.name,
        fromInspectorId: school.inspectorId,
        toInspectorId: chosen,
      });
      schools.push({ ...school, inspectorId: chosen });
    } else {
      report.unassigned.push({
        schoolId: school.id,
        schoolName: school.name,
        reason: 'conflict',
        fromInspectorId: school.inspectorId,
      });
      schools.push({ ...school, inspectorId: null });
    }
  }
  return { schools, report };
}

/** The inspectors who are 责任督学 of some school in the 责任区, ordered by id. */
async function inspectorsOfDistrict(store: Store, districtId: string): Promise<string[]> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await store.findSchools({ districtId, limit: 1000, cursor });
    for (const school of page.items) if (school.inspectorId) ids.add(school.inspectorId);
    cursor = page.nextCursor;
  } while (cursor);
  return [...ids].sort();
}
