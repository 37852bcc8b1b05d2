import type { TaskView } from '../contract/queries.js';
import type { Instance, OpenTask } from '../contract/records.js';

/** The instance fields a task view carries. */
export type TaskViewInstanceFields = Pick<
  Instance,
  | 'id'
  | 'version'
  | 'campaignId'
  | 'programKey'
  | 'programVersion'
  | 'scope'
  | 'schoolId'
  | 'districtId'
  | 'schoolType'
  | 'officePath'
>;

/** The task-list row for one open task: the task plus the instance fields lists show and filter on. */
export function taskViewOf(instance: TaskViewInstanceFields, task: OpenTask): TaskView {
  return {
    ...task,
    instanceId: instance.id,
    instanceVersion: instance.version,
    campaignId: instance.campaignId,
    programKey: instance.programKey,
    programVersion: instance.programVersion,
    scope: instance.scope,
    schoolId: instance.schoolId,
    districtId: instance.districtId,
    schoolType: instance.schoolType,
    officePath: instance.officePath,
  };
}
