import type { Store } from '@ddt/store';
import type { TaskSummary } from '../schemas/tasks.js';

/** Looks each program, campaign, school and user name up once per request. */
export class NameCache {
  readonly #cache = new Map<string, Promise<string>>();
  constructor(private readonly store: Store) {}

  program(key: string, version: number) {
    return this.#once(
      `p:${key}@${version}`,
      async () => (await this.store.getProgramVersion(key, version))?.name ?? key,
    );
  }
  campaign(id: string) {
    return this.#once(`c:${id}`, async () => (await this.store.getCampaign(id))?.title ?? '');
  }
  school(id: string) {
    return this.#once(`s:${id}`, async () => (await this.store.getSchool(id))?.name ?? '');
  }
  user(id: string) {
    return this.#once(`u:${id}`, async () => (await this.store.getUser(id))?.displayName ?? '');
  }
  district(officeId: string, id: string) {
    return this.#once(`d:${id}`, async () => {
      const districts = await this.store.listDistricts(officeId);
      return districts.find((district) => district.id === id)?.name ?? '';
    });
  }

  #once(key: string, load: () => Promise<string>): Promise<string> {
    let value = this.#cache.get(key);
    if (!value) {
      value = load();
      this.#cache.set(key, value);
    }
    return value;
  }
}

/** The fields a task list shows, for an open task or one the user completed. */
export interface TaskFacts {
  id: string;
  instanceId: string;
  elementId: string;
  name: string;
  formId: string | null;
  programKey: string;
  programVersion: number;
  campaignId: string;
  schoolId: string | null;
  dueAt: string | null;
  createdAt: string;
  assignee?: string | null;
  candidateGroups?: string[];
  completedAt?: string | null;
}

export async function summarize(task: TaskFacts, names: NameCache, now: Date): Promise<TaskSummary> {
  const completedAt = task.completedAt ?? null;
  const groupTask = (task.candidateGroups ?? []).length > 0;
  const claimedBy = groupTask ? (task.assignee ?? null) : null;
  return {
    id: task.id,
    name: task.name,
    formId: task.formId,
    programKey: task.programKey,
    programName: await names.program(task.programKey, task.programVersion),
    campaignId: task.campaignId,
    campaignTitle: await names.campaign(task.campaignId),
    schoolId: task.schoolId,
    schoolName: task.schoolId ? await names.school(task.schoolId) : null,
    dueAt: task.dueAt,
    createdAt: task.createdAt,
    instanceId: task.instanceId,
    status: completedAt ? 'completed' : 'open',
    completedAt,
    overdue: !completedAt && task.dueAt !== null && task.dueAt < now.toISOString(),
    claimable: !completedAt && groupTask,
    claimedBy,
    claimedByName: claimedBy ? await names.user(claimedBy) : null,
  };
}
