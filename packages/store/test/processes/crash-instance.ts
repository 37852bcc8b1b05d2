import type { Instance } from '../../src/index.js';

/**
 * A realistic instance whose content follows from its id and version, so that after a crash the test
 * can check a stored record byte for byte without having kept a copy: ~8 KB of engine state, two open
 * tasks and a timer.
 */
export function crashInstance(id: string, version: number): Instance {
  const at = '2025-09-01T08:00:00.000Z';
  const variables = Object.fromEntries(
    Array.from({ length: 60 }, (_, n) => [
      `item${n}`,
      { 得分: (n * 7 + version) % 10, 说明: `第${n}项 ${id} v${version}` },
    ]),
  );
  return {
    id,
    campaignId: 'crash',
    programKey: 'balanced',
    programVersion: 1,
    scope: 'school',
    schoolId: `s-${id}`,
    officePath: '/p1/m1/c1/',
    districtId: 'd1',
    schoolType: 'primary',
    status: 'running',
    state: { engine: { id, version }, variables },
    tasks: [1, 2].map((n) => ({
      id: `${id}:e${n}`,
      elementId: `task${n}`,
      executionId: `e${n}`,
      name: `学校自评 ${n}`,
      formId: 'self-check',
      assignee: null,
      candidateGroups: [],
      audience: [`school:s-${id}`, 'office:c1'],
      dueAt: null,
      createdAt: at,
    })),
    timers: [{ id: 't1', elementId: 'deadline', executionId: 'x1', dueAt: at }],
    messages: [],
    incidents: [],
    version,
    createdAt: at,
    updatedAt: at,
  };
}
