import type { Instance, SchoolType } from '../src/index.js';

/**
 * Instances shaped like the ones the runtime writes: bpmn-engine state of 5–15 KB (element executions
 * plus form variables with Chinese text), one or two open tasks with two or three audience keys, one
 * armed timer and sometimes an awaited message. States come from a pool, so generating a million rows
 * costs little next to writing them.
 */

const SCHOOL_TYPES: SchoolType[] = ['primary', 'junior', 'nine_year', 'senior', 'kindergarten'];
const BASE_TIME = Date.UTC(2025, 8, 1);

function engineState(seed: number, targetBytes: number): unknown {
  const children: unknown[] = [];
  const variables: Record<string, unknown> = {};
  let size = 600;
  for (let n = 0; size < targetBytes; n++) {
    const child = {
      id: `Activity_${seed % 97}_${n}`,
      type: n % 3 ? 'bpmn:UserTask' : 'bpmn:ExclusiveGateway',
      executionId: `Activity_${n}_${(seed * 7919 + n).toString(36)}`,
      status: n % 5 ? 'completed' : 'started',
      counters: { taken: n % 2, discarded: 0 },
      parent: { id: 'Process_inspection', executionId: `Process_${seed.toString(36)}` },
    };
    children.push(child);
    variables[`item_${n}`] = {
      得分: (seed + n) % 10,
      说明: `第${n}项：办学条件达标，已完成自评并上传佐证材料（${seed}）`,
    };
    size += 330;
  }
  return {
    name: 'inspection',
    state: 'running',
    engineVersion: '25.0.1',
    environment: { settings: { enableDummyService: false }, variables, output: {} },
    definitions: [
      {
        id: 'Definitions_1',
        type: 'bpmn:Definitions',
        executionId: `Definitions_${seed.toString(36)}`,
        status: 'executing',
        execution: {
          processes: [{ id: 'Process_inspection', status: 'executing', execution: { children } }],
        },
      },
    ],
  };
}

const POOL = Array.from({ length: 64 }, (_, n) => engineState(n, 5_000 + ((n * 157) % 10_000)));

export interface Layout {
  schools: number;
  campaigns: number;
}

/** The n-th instance: campaign `k<n % campaigns>`, school `s<n % schools>`. */
export function realisticInstance(
  n: number,
  layout: Layout,
  campaignOf = (i: number) => `k${i % layout.campaigns}`,
): Instance {
  const school = n % layout.schools;
  const createdAt = new Date(BASE_TIME + n * 1000).toISOString();
  const id = `i${n}`;
  const taskCount = 1 + (n % 2);
  return {
    id,
    campaignId: campaignOf(n),
    programKey: 'balanced',
    programVersion: 1,
    scope: 'school',
    schoolId: `s${school}`,
    officePath: `/p1/m${school % 13}/c${school % 131}/`,
    districtId: `d${school % 977}`,
    schoolType: SCHOOL_TYPES[school % SCHOOL_TYPES.length]!,
    status: n % 10 === 0 ? 'completed' : 'running',
    state: POOL[n % POOL.length],
    tasks: Array.from({ length: taskCount }, (_, t) => ({
      id: `${id}:Task_${t}`,
      elementId: `Task_${t}`,
      executionId: `Task_${t}_${n.toString(36)}`,
      name: t ? '责任督学审核' : '学校自评',
      formId: t ? 'review' : 'self-check',
      assignee: t ? `u-insp${school % 977}` : null,
      candidateGroups: t ? ['county-review'] : [],
      audience: t ? [`user:u-insp${school % 977}`, `office:c${school % 131}`] : [`school:s${school}`],
      dueAt: new Date(BASE_TIME + (n % 30) * 86_400_000).toISOString(),
      createdAt,
    })),
    timers: [
      {
        id: 'deadline',
        elementId: 'Timer_deadline',
        executionId: `T_${n}`,
        dueAt: new Date(BASE_TIME + 30 * 86_400_000).toISOString(),
      },
    ],
    messages:
      n % 4 === 0
        ? [{ elementId: 'Wait_appeal', executionId: `M_${n}`, name: 'appeal', correlationKey: `s${school}` }]
        : [],
    incidents: [],
    version: 1,
    createdAt,
    updatedAt: createdAt,
  };
}
