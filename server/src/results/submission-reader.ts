import type { Store, Submission } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { errors } from '../errors/app-error.js';
import type { AccessScope } from '../scope/access-scope.js';

/**
 * Reads one submission for someone who may see its instance: the school itself, an inspector involved
 * with it, or an office above it. Every office user's read of a school's submission is audited.
 */
export class SubmissionReader {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
  ) {}

  async read(scope: AccessScope, actor: Actor, id: string) {
    const submission = await this.store.getSubmission(id);
    const instance = submission ? await this.store.getInstance(submission.instanceId) : null;
    if (!submission || !instance || !(await scope.seesInstance(instance))) throw errors.submissionNotFound();
    const program = await this.store.getProgramVersion(instance.programKey, submission.programVersion);
    if (scope.role === 'office') await this.#recordRead(actor, submission, instance.officePath);
    return {
      submission,
      form: program?.forms[submission.formId] ?? null,
      accepted: (instance.history ?? []).some((entry) => entry.submissionId === submission.id),
    };
  }

  async #recordRead(actor: Actor, submission: Submission, officePath: string) {
    await this.audit.record(actor, {
      action: 'submission.read',
      target: `submission:${submission.id}`,
      officePath,
      detail: { schoolId: submission.schoolId, campaignId: submission.campaignId, formId: submission.formId },
    });
  }
}
