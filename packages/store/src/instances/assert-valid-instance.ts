import { type Instance, InstanceSchema } from '../contract/records.js';
import { StoreError } from '../errors.js';
import { assertValid } from '../validation/assert-valid.js';

function invalid(path: string, message: string): StoreError {
  return new StoreError('STORE_ERR_INVALID', `流程实例无效：字段 ${path} ${message}`, {
    what: '流程实例',
    path,
  });
}

/**
 * The schema check plus the rules a schema cannot state: school fields follow the scope, and task and
 * timer ids are unique within the instance (they are keys in the store's indexes).
 */
export function assertValidInstance(value: unknown): asserts value is Instance {
  assertValid(InstanceSchema, value, '流程实例');
  const instance = value as Instance;
  const schoolFields = [instance.schoolId, instance.districtId, instance.schoolType];
  if (instance.scope === 'school' && schoolFields.some((field) => field === null)) {
    throw invalid('/schoolId', 'scope=school 时 schoolId、districtId、schoolType 必填');
  }
  if (instance.scope === 'campaign' && schoolFields.some((field) => field !== null)) {
    throw invalid('/schoolId', 'scope=campaign 时 schoolId、districtId、schoolType 必须为 null');
  }
  const taskIds = new Set<string>();
  instance.tasks.forEach((task, i) => {
    if (taskIds.has(task.id)) throw invalid(`/tasks/${i}/id`, '任务编号重复');
    taskIds.add(task.id);
  });
  const timerIds = new Set<string>();
  instance.timers.forEach((timer, i) => {
    if (timerIds.has(timer.id)) throw invalid(`/timers/${i}/id`, '定时器编号重复');
    timerIds.add(timer.id);
  });
}
