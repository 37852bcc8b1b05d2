import type { Campaign, Instance, ProgramVersion, School } from '@ddt/store';
import {
  type CompiledDefinition,
  type ProcessScope,
  processOfScope,
} from '../definition/compile-definition.js';
import { WorkflowError } from '../errors.js';
import { evaluateFeel, isFeel } from '../expressions/feel.js';
import { emptyRuntimeState } from './instance-state.js';
import { InstanceStep } from './instance-step.js';
import { nextFiring } from './recurrence-schedule.js';

export interface LaunchTarget {
  instanceId: string;
  scope: ProcessScope;
  campaign: Campaign;
  /** The target school (school scope); null for the campaign-scope instance. */
  school: School | null;
  params: Record<string, unknown>;
}

/**
 * Builds a new instance record: runs the process of the target's scope to its first wait (or, for a
 * recurring start, schedules its first firing). Reads nothing from the store, so a worker thread can
 * run it; the caller creates the record.
 */
export async function launchInstance(
  definition: CompiledDefinition,
  program: Pick<ProgramVersion, 'key' | 'version'>,
  target: LaunchTarget,
  now: Date,
  options: { useTemplates?: boolean } = {},
): Promise<Instance> {
  const process = processOfScope(definition, target.scope);
  if (!process) {
    throw new WorkflowError(
      'WF_ERR_NO_PROCESS',
      `督导项目没有${target.scope === 'campaign' ? '批次级' : '学校级'}流程`,
      {
        scope: target.scope,
      },
    );
  }
  const { campaign, school } = target;
  const at = now.toISOString();
  const record: Instance = {
    id: target.instanceId,
    campaignId: campaign.id,
    programKey: program.key,
    programVersion: program.version,
    scope: target.scope,
    schoolId: school?.id ?? null,
    officePath: school?.officePath ?? campaign.officePath,
    districtId: school?.districtId ?? null,
    schoolType: school?.type ?? null,
    inspectorId: school?.inspectorId ?? null,
    status: 'running',
    state: null,
    tasks: [],
    timers: [],
    messages: [],
    incidents: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const parties = {
    schoolId: school?.id ?? null,
    inspectorId: school?.inspectorId ?? null,
    officeId: campaign.officeId,
  };
  const step = new InstanceStep(definition, record, emptyRuntimeState(), now, async () => parties);
  const variables = launchVariables(target);
  if (process.recurringStart) {
    const { elementId, cycle } = process.recurringStart;
    const evaluated = String(isFeel(cycle) ? evaluateFeel(cycle, variables, now) : cycle);
    const deadline = campaign.deadline ? new Date(campaign.deadline) : null;
    const first = nextFiring({ cycle: evaluated, startedAt: now, fired: 0, lastDueAt: null, now, deadline });
    step.state.recurrence = {
      processId: process.id,
      elementId,
      cycle: evaluated,
      startedAt: at,
      fired: 0,
      dueAt: first?.toISOString() ?? null,
      variables,
    };
  } else {
    const { run, runState } = step.startRun(process.id, variables, {
      useTemplates: options.useTemplates ?? true,
    });
    await step.capture(runState, run);
  }
  return step.finish();
}

/** The variables an instance starts with: `school` (school scope), `campaign` and `params`. */
export function launchVariables(target: LaunchTarget): Record<string, unknown> {
  const { campaign, school } = target;
  const variables: Record<string, unknown> = {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      deadline: campaign.deadline,
      officeId: campaign.officeId,
    },
    params: target.params,
  };
  if (school) {
    variables.school = {
      id: school.id,
      name: school.name,
      type: school.type,
      ownership: school.ownership,
      districtId: school.districtId,
      officeId: school.officeId,
      inspectorId: school.inspectorId,
    };
  }
  return variables;
}
