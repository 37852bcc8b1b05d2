import { randomUUID } from 'node:crypto';
import type { WorkflowRuntime } from '@ddt/engine';
import { validateSubmission } from '@ddt/forms';
import type { Instance, Store, TaskView, User } from '@ddt/store';
import { principalKeys } from '../auth/principals.js';
import { errors } from '../errors/app-error.js';
import type { ProgramCatalog } from '../programs/program-catalog.js';
import type { TaskSummary } from '../schemas/tasks.js';

/** The task inbox and task completion, always from the point of view of one user. */
export class TaskService {
  constructor(
    private readonly store: Store,
    private readonly runtime: WorkflowRuntime,
    private readonly catalog: ProgramCatalog,
    private readonly now: () => Date,
  ) {}

  async list(user: User, limit: number, cursor: string | undefined) {
    const page = await this.store.findTasks({ audience: principalKeys(user), limit, cursor: cursor ?? null });
    const names = new NameCache(this.store);
    const items: TaskSummary[] = [];
    for (const task of page.items) items.push(await summarize(task, names));
    return { items, nextCursor: page.nextCursor };
  }

  async get(user: User, taskId: string) {
    const task = await this.#visibleTask(user, taskId);
    const program = await this.store.getProgramVersion(task.programKey, task.programVersion);
    const form = task.formId ? (program?.forms[task.formId] ?? null) : null;
    return { task: await summarize(task, new NameCache(this.store)), form, draft: null };
  }

  /**
   * Validates the submission against the form of the task's own program version, stores it under a
   * fresh id, then completes the task; the instance write names the submission it accepted.
   */
  async complete(user: User, taskId: string, data: Record<string, unknown>) {
    const task = await this.store.getTask(taskId);
    if (!task || !sharesPrincipal(task, user)) throw await this.#missingTaskError(user, taskId);
    const program = await this.store.getProgramVersion(task.programKey, task.programVersion);
    if (!program) throw errors.programNotFound(task.programKey);

    let output: Record<string, unknown> = {};
    let submissionId: string | null = null;
    if (task.formId) {
      const form = this.catalog.formFor(program, task.formId);
      if (!form) throw errors.programNotFound(`${task.programKey}/${task.formId}`);
      const result = validateSubmission(form, data);
      if (!result.ok) throw errors.formInvalid(result.errors);
      output = result.data;
      submissionId = `sub_${randomUUID()}`;
      await this.store.createSubmission({
        id: submissionId,
        taskId: task.id,
        instanceId: task.instanceId,
        campaignId: task.campaignId,
        schoolId: task.schoolId,
        elementId: task.elementId,
        formId: task.formId,
        programVersion: task.programVersion,
        data: output,
        score: null,
        submittedBy: user.id,
        submittedAt: this.now().toISOString(),
      });
    }
    const instance = await this.runtime.completeTask({ taskId, output, submissionId, completedBy: user.id });
    return { taskId, instanceId: instance.id, instanceStatus: instance.status };
  }

  async #visibleTask(user: User, taskId: string): Promise<TaskView> {
    const task = await this.store.getTask(taskId);
    if (!task || !sharesPrincipal(task, user)) throw errors.taskNotFound();
    return task;
  }

  /** A task already completed by someone the user could see it for is a conflict; anything else is unknown. */
  async #missingTaskError(user: User, taskId: string) {
    const instanceId = taskId.slice(0, Math.max(0, taskId.lastIndexOf(':')));
    const instance = instanceId ? await this.store.getInstance(instanceId) : null;
    const done = instance?.history?.some((entry) => entry.taskId === taskId);
    return done && instance && (await this.#seesInstance(user, instance))
      ? errors.taskClosed()
      : errors.taskNotFound();
  }

  async #seesInstance(user: User, instance: Instance): Promise<boolean> {
    if (user.role === 'school') return instance.schoolId !== null && instance.schoolId === user.schoolId;
    if (user.role === 'inspector') {
      const school = instance.schoolId ? await this.store.getSchool(instance.schoolId) : null;
      return school?.inspectorId === user.id;
    }
    const office = user.officeId ? await this.store.getOffice(user.officeId) : null;
    return office !== null && instance.officePath.startsWith(office.path);
  }
}

function sharesPrincipal(task: TaskView, user: User): boolean {
  const keys = principalKeys(user);
  return task.audience.some((key) => keys.includes(key));
}

async function summarize(task: TaskView, names: NameCache): Promise<TaskSummary> {
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
  };
}

/** Looks each program, campaign and school name up once per request. */
class NameCache {
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

  #once(key: string, load: () => Promise<string>): Promise<string> {
    let value = this.#cache.get(key);
    if (!value) {
      value = load();
      this.#cache.set(key, value);
    }
    return value;
  }
}
