import type { InstanceSummary, Store, Submission } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { SchoolDirectory } from '../organisation/school-directory.js';
import type { AccessScope } from '../scope/access-scope.js';
import { NameCache } from '../tasks/task-summary.js';

/**
 * A school's record across all programs and years: every campaign it was part of, the steps it went
 * through, its submissions and their scores. Office users' reads are audited like submission reads.
 */
export class SchoolProfile {
  constructor(
    private readonly store: Store,
    private readonly schools: SchoolDirectory,
    private readonly audit: AuditLog,
  ) {}

  async read(scope: AccessScope, actor: Actor, schoolId: string) {
    const school = await this.schools.get(scope, schoolId);
    const instances: InstanceSummary[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.store.findInstances({ schoolId: school.id, limit: 500, cursor });
      instances.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const submissions = new Map<string, Submission[]>();
    cursor = null;
    do {
      const page = await this.store.findSubmissions({ schoolId: school.id, limit: 500, cursor });
      for (const submission of page.items) {
        const list = submissions.get(submission.instanceId) ?? [];
        list.push(submission);
        submissions.set(submission.instanceId, list);
      }
      cursor = page.nextCursor;
    } while (cursor);

    const names = new NameCache(this.store);
    const campaigns = [];
    for (const instance of instances.reverse()) {
      const campaign = await this.store.getCampaign(instance.campaignId);
      const accepted = new Set((instance.history ?? []).flatMap((entry) => entry.submissionId ?? []));
      campaigns.push({
        campaignId: instance.campaignId,
        title: campaign?.title ?? '',
        semester: typeof campaign?.params.semester === 'string' ? campaign.params.semester : null,
        programKey: instance.programKey,
        programName: await names.program(instance.programKey, instance.programVersion),
        programVersion: instance.programVersion,
        launchedAt: instance.createdAt,
        status: instance.status,
        openTasks: instance.tasks.map((task) => ({ id: task.id, name: task.name, dueAt: task.dueAt })),
        completedTasks: (instance.history ?? []).map((entry) => ({
          taskId: entry.taskId,
          name: entry.name,
          completedAt: entry.completedAt,
          submissionId: entry.submissionId,
        })),
        submissions: (submissions.get(instance.id) ?? [])
          .filter((submission) => accepted.has(submission.id))
          .map((submission) => ({
            id: submission.id,
            formId: submission.formId,
            submittedAt: submission.submittedAt,
            score: submission.score
              ? {
                  total: Number(submission.score.total ?? 0),
                  maxTotal: Number(submission.score.maxTotal ?? 0),
                  grade: String(submission.score.grade ?? ''),
                  passed: submission.score.passed === true,
                }
              : null,
          })),
      });
    }
    if (scope.role === 'office') {
      await this.audit.record(actor, {
        action: 'school.profile-read',
        target: `school:${school.id}`,
        officePath: school.officePath,
      });
    }
    return { school, campaigns };
  }
}
