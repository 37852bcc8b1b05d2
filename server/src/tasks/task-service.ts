import { randomUUID } from 'node:crypto';
import { taskVariables, type WorkflowRuntime } from '@ddt/engine';
import { type FieldError, resolveFileReferences, type ScoreSheet, validateSubmission } from '@ddt/forms';
import type { Instance, Store, TaskView, User } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { principalKeys } from '../auth/principals.js';
import { errors } from '../errors/app-error.js';
import type { EvidenceFiles } from '../files/evidence-files.js';
import type { ProgramCatalog } from '../programs/program-catalog.js';
import type { TaskSummary } from '../schemas/tasks.js';
import type { Scopes } from '../scope/access-scope.js';
import { formPrefill } from './form-prefill.js';
import { isReturnable, RETURN_COMMENT_VARIABLE, RETURNED_VARIABLE } from './return-route.js';
import type { SubmissionScorer } from './submission-scorer.js';
import { NameCache, summarize, type TaskFacts } from './task-summary.js';

export interface TaskListFilter {
  limit: number;
  cursor?: string | undefined;
  programKey?: string | undefined;
  campaignId?: string | undefined;
  overdue?: boolean | undefined;
  status?: 'open' | 'completed' | undefined;
}

/**
 * The task inbox and everything done on a task, always from the point of view of one user. A task is
 * the user's when its audience holds one of the user's principal keys; an inspector never gets a task
 * of a school it declared a conflict (回避) with. Anything else is "not found".
 */
export class TaskService {
  constructor(
    private readonly store: Store,
    private readonly runtime: WorkflowRuntime,
    private readonly catalog: ProgramCatalog,
    private readonly scopes: Scopes,
    private readonly files: EvidenceFiles,
    private readonly scorer: SubmissionScorer,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  /**
   * Open tasks (oldest first) or the tasks the user completed (newest first). Filters the store cannot
   * apply are applied to each page, so a page may hold fewer than `limit` items; follow `nextCursor`.
   */
  async list(
    user: User,
    filter: TaskListFilter,
  ): Promise<{ items: TaskSummary[]; nextCursor: string | null }> {
    const names = new NameCache(this.store);
    const now = this.now();
    if (filter.status === 'completed') {
      const page = await this.store.findAudit({
        actorId: user.id,
        action: 'task.completed',
        limit: filter.limit,
        cursor: filter.cursor ?? null,
      });
      const items: TaskSummary[] = [];
      for (const event of page.items) {
        const facts = event.detail.task as TaskFacts | undefined;
        if (!facts || !matches(facts, filter, now)) continue;
        items.push(await summarize({ ...facts, completedAt: event.at }, names, now));
      }
      return { items, nextCursor: page.nextCursor };
    }
    const nowIso = now.toISOString();
    const page = await this.store.findTasks({
      audience: principalKeys(user),
      limit: filter.limit,
      cursor: filter.cursor ?? null,
      ...(filter.campaignId ? { campaignId: filter.campaignId } : {}),
      ...(filter.overdue === true ? { dueBefore: nowIso } : {}),
    });
    const items: TaskSummary[] = [];
    for (const task of page.items) {
      if (!matches(task, filter, now) || !(await this.#allowed(user, task))) continue;
      items.push(await summarize(task, names, now));
    }
    return { items, nextCursor: page.nextCursor };
  }

  async get(user: User, taskId: string) {
    const task = await this.#visibleTask(user, taskId);
    const program = await this.store.getProgramVersion(task.programKey, task.programVersion);
    const instance = await this.store.getInstance(task.instanceId);
    // The compiled form: options enforced as the server will enforce them, so the browser agrees.
    const compiled = program && task.formId ? this.catalog.formFor(program, task.formId) : null;
    const prefill = compiled && instance ? formPrefill(compiled, taskVariables(instance, task.id)) : {};
    const names = new NameCache(this.store);
    const draft = await this.store.getDraft(task.id);
    const history = [];
    for (const entry of instance?.history ?? []) {
      history.push({
        taskId: entry.taskId,
        name: entry.name,
        completedAt: entry.completedAt,
        completedBy: entry.completedBy,
        completedByName: entry.completedBy ? await names.user(entry.completedBy) : null,
        submissionId: entry.submissionId,
      });
    }
    const returnEvents = await this.store.findAudit({
      target: `instance:${task.instanceId}`,
      action: 'task.returned',
      limit: 20,
    });
    const returns = [];
    for (const event of returnEvents.items) {
      returns.push({
        at: event.at,
        taskName: String(event.detail.taskName ?? ''),
        comment: String(event.detail.comment ?? ''),
        byName: event.actorId ? await names.user(event.actorId) : null,
      });
    }
    const returnable = program
      ? isReturnable(await this.runtime.definitionFor(program), task.elementId)
      : false;
    return {
      task: await summarize(task, names, this.now()),
      form: compiled ? { ...compiled.form } : null,
      prefill,
      draft: draft?.data ?? null,
      history,
      returns,
      returnable,
    };
  }

  /** Saves unvalidated form data for later (auto-save); the last save wins. */
  async saveDraft(user: User, actor: Actor, taskId: string, data: Record<string, unknown>) {
    const task = await this.#actionableTask(user, taskId);
    const savedAt = this.now().toISOString();
    await this.store.putDraft({
      taskId: task.id,
      instanceId: task.instanceId,
      data,
      savedBy: user.id,
      savedAt,
    });
    await this.audit.record(actor, {
      action: 'task.draft-saved',
      target: `task:${task.id}`,
      officePath: task.officePath,
    });
    return { taskId: task.id, savedAt };
  }

  /**
   * Validates the submission against the form of the task's own program version, checks its evidence
   * files, scores it when its form belongs to an indicator set, stores it under a fresh id, then
   * completes the task; the instance write names the submission it accepted. The score sheet is the
   * process variable `score` (`=score.total >= 80`).
   */
  async complete(user: User, actor: Actor, taskId: string, data: Record<string, unknown>) {
    const task = await this.#actionableTask(user, taskId);
    const program = await this.store.getProgramVersion(task.programKey, task.programVersion);
    const instance = await this.store.getInstance(task.instanceId);
    if (!program || !instance) throw errors.programNotFound(task.programKey);
    const returnable = isReturnable(await this.runtime.definitionFor(program), task.elementId);

    let output: Record<string, unknown> = {};
    let submissionId: string | null = null;
    let score: ScoreSheet | null = null;
    if (task.formId) {
      const form = this.catalog.formFor(program, task.formId);
      if (!form) throw errors.programNotFound(`${task.programKey}/${task.formId}`);
      const result = validateSubmission(form, data);
      if (!result.ok) throw errors.formInvalid(result.errors);
      const references = await this.files.referencesFor(task, instance);
      const resolved = resolveFileReferences(form, result.data, (id) => references.get(id));
      if (!resolved.ok) throw errors.formInvalid(resolved.errors satisfies FieldError[]);
      output = resolved.data;
      score = await this.scorer.score(program, instance, task.formId, task.schoolType, output);
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
        score: score as unknown as Record<string, unknown> | null,
        submittedBy: user.id,
        submittedAt: this.now().toISOString(),
      });
    }
    const variables = {
      ...output,
      ...(score ? { score } : {}),
      ...(returnable ? { [RETURNED_VARIABLE]: false } : {}),
    };
    const next = await this.runtime.completeTask({
      taskId,
      output: variables,
      submissionId,
      completedBy: user.id,
    });
    await this.store.deleteDraft(task.id);
    await this.audit.record(actor, {
      action: 'task.completed',
      target: `task:${task.id}`,
      officePath: task.officePath,
      detail: { task: factsOf(task), submissionId, instanceStatus: next.status },
    });
    return {
      taskId,
      instanceId: next.id,
      instanceStatus: next.status,
      submissionId,
      score: score
        ? {
            total: score.total,
            maxTotal: score.maxTotal,
            percent: score.percent,
            grade: score.grade,
            passed: score.passed,
            failedKeyIndicators: score.failedKeyIndicators,
          }
        : null,
    };
  }

  /** 退回: completes the task with `returned = true` and the comment; its process routes it back. */
  async returnForRevision(user: User, actor: Actor, taskId: string, comment: string) {
    const task = await this.#actionableTask(user, taskId);
    const program = await this.store.getProgramVersion(task.programKey, task.programVersion);
    if (!program || !isReturnable(await this.runtime.definitionFor(program), task.elementId))
      throw errors.taskNotReturnable();
    const next = await this.runtime.completeTask({
      taskId,
      output: { [RETURNED_VARIABLE]: true, [RETURN_COMMENT_VARIABLE]: comment },
      submissionId: null,
      completedBy: user.id,
    });
    await this.store.deleteDraft(task.id);
    await this.audit.record(actor, {
      action: 'task.returned',
      target: `instance:${task.instanceId}`,
      officePath: task.officePath,
      detail: { taskId: task.id, taskName: task.name, comment },
    });
    await this.audit.record(actor, {
      action: 'task.completed',
      target: `task:${task.id}`,
      officePath: task.officePath,
      detail: { task: factsOf(task), submissionId: null, instanceStatus: next.status, returned: true },
    });
    return { taskId, instanceId: next.id, instanceStatus: next.status };
  }

  /** Takes a group task for oneself: it stays in the group's inbox, marked, and only the claimer may act on it. */
  async claim(user: User, actor: Actor, taskId: string) {
    const task = await this.#visibleTask(user, taskId);
    if (!isGroupTask(task)) throw errors.taskNotClaimable();
    if (task.assignee === user.id) return { taskId, claimedBy: user.id };
    if (task.assignee) throw errors.taskClaimedByOther();
    await this.#setAssignee(task, user.id);
    await this.audit.record(actor, {
      action: 'task.claimed',
      target: `task:${task.id}`,
      officePath: task.officePath,
    });
    return { taskId, claimedBy: user.id };
  }

  /** Gives a claimed group task back to the group; an office user may release anyone's claim. */
  async unclaim(user: User, actor: Actor, taskId: string) {
    const task = await this.#visibleTask(user, taskId);
    if (!isGroupTask(task)) throw errors.taskNotClaimable();
    if (!task.assignee) return { taskId, claimedBy: null };
    if (task.assignee !== user.id && user.role !== 'office') throw errors.taskClaimedByOther();
    await this.#setAssignee(task, null);
    await this.audit.record(actor, {
      action: 'task.unclaimed',
      target: `task:${task.id}`,
      officePath: task.officePath,
      detail: { previousAssignee: task.assignee },
    });
    return { taskId, claimedBy: null };
  }

  /** An open task of the user (for reading). */
  async visibleTask(user: User, taskId: string): Promise<TaskView> {
    return this.#visibleTask(user, taskId);
  }

  /** An open task the user may act on now: visible, and not claimed by someone else. */
  async actionableTask(user: User, taskId: string): Promise<TaskView> {
    return this.#actionableTask(user, taskId);
  }

  async #visibleTask(user: User, taskId: string): Promise<TaskView> {
    const task = await this.store.getTask(taskId);
    if (!task || !(await this.#allowed(user, task))) throw errors.taskNotFound();
    return task;
  }

  async #actionableTask(user: User, taskId: string): Promise<TaskView> {
    const task = await this.store.getTask(taskId);
    if (!task || !(await this.#allowed(user, task))) throw await this.#missingTaskError(user, taskId);
    if (isGroupTask(task) && task.assignee && task.assignee !== user.id) throw errors.taskClaimedByOther();
    return task;
  }

  async #allowed(user: User, task: TaskView): Promise<boolean> {
    const keys = principalKeys(user);
    if (!task.audience.some((key) => keys.includes(key))) return false;
    return !(
      user.role === 'inspector' &&
      task.schoolId &&
      (await this.store.hasConflict(user.id, task.schoolId))
    );
  }

  /** A task already completed by someone the user could see it for is a conflict; anything else is unknown. */
  async #missingTaskError(user: User, taskId: string) {
    const instanceId = taskId.slice(0, Math.max(0, taskId.lastIndexOf(':')));
    const instance = instanceId ? await this.store.getInstance(instanceId) : null;
    const done = instance?.history?.some((entry) => entry.taskId === taskId);
    if (!done || !instance) return errors.taskNotFound();
    const scope = await this.scopes.of(user);
    return (await scope.seesInstance(instance)) ? errors.taskClosed() : errors.taskNotFound();
  }

  async #setAssignee(task: TaskView, assignee: string | null): Promise<Instance> {
    const instance = await this.store.getInstance(task.instanceId);
    if (!instance || instance.version !== task.instanceVersion) throw errors.conflict();
    const tasks = instance.tasks.map((open) => (open.id === task.id ? { ...open, assignee } : open));
    try {
      return await this.store.updateInstance({ ...instance, tasks }, instance.version);
    } catch (error) {
      if ((error as { code?: string }).code === 'STORE_ERR_CONFLICT') throw errors.conflict();
      throw error;
    }
  }
}

/** A task offered to a group (a school's users, an office's admins), as opposed to one named person. */
function isGroupTask(task: TaskView): boolean {
  return task.candidateGroups.length > 0 && task.audience.some((key) => !key.startsWith('user:'));
}

function matches(task: TaskFacts, filter: TaskListFilter, now: Date): boolean {
  if (filter.programKey && task.programKey !== filter.programKey) return false;
  if (filter.campaignId && task.campaignId !== filter.campaignId) return false;
  if (filter.overdue !== undefined && !task.completedAt) {
    const overdue = task.dueAt !== null && task.dueAt < now.toISOString();
    if (overdue !== filter.overdue) return false;
  }
  return true;
}

/** What a completed-task list needs later, kept in the completion's audit event. */
function factsOf(task: TaskView): TaskFacts {
  return {
    id: task.id,
    instanceId: task.instanceId,
    elementId: task.elementId,
    name: task.name,
    formId: task.formId,
    programKey: task.programKey,
    programVersion: task.programVersion,
    campaignId: task.campaignId,
    schoolId: task.schoolId,
    dueAt: task.dueAt,
    createdAt: task.createdAt,
    assignee: task.assignee,
    candidateGroups: task.candidateGroups,
  };
}
