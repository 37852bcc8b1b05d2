import type { Conflict, School, Store } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { errors } from '../errors/app-error.js';
import type { AccessScope } from '../scope/access-scope.js';

export interface DeclareConflictInput {
  inspectorId?: string | undefined;
  schoolId: string;
  reason: string;
}

/**
 * 回避: an inspector must not inspect a school (a relative works there, a former post …). An inspector
 * declares its own conflicts with schools its office covers; an office admin records them for the
 * inspectors of its subtree and is the only one who may lift them.
 *
 * A conflict takes effect at once: the inspector no longer sees the school or its tasks, no new 挂牌
 * may pair them, and every campaign launched from then on hands the school to another inspector of
 * its 责任区. The school's 挂牌 itself is left for the office to change, so the launch report can say
 * who stood in for whom.
 */
export class ConflictRegister {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async declare(
    scope: AccessScope,
    actor: Actor,
    input: DeclareConflictInput,
  ): Promise<{ conflict: Conflict; responsibleInspector: boolean }> {
    const inspectorId = await this.#inspectorFor(scope, input.inspectorId);
    const school = await this.#school(scope, inspectorId, input.schoolId);
    const conflict: Conflict = {
      inspectorId,
      schoolId: school.id,
      reason: input.reason,
      createdBy: scope.user.id,
      createdAt: this.now().toISOString(),
    };
    await this.store.putConflict(conflict);
    await this.audit.record(actor, {
      action: 'conflict.declared',
      target: `school:${school.id}`,
      officePath: school.officePath,
      detail: { inspectorId, reason: input.reason },
    });
    return { conflict, responsibleInspector: school.inspectorId === inspectorId };
  }

  async list(scope: AccessScope, filter: { inspectorId?: string; schoolId?: string }): Promise<Conflict[]> {
    if (scope.role === 'school') throw errors.forbidden();
    if (scope.role === 'inspector') {
      const own = await this.store.findConflicts({ inspectorId: scope.user.id });
      return filter.schoolId ? own.filter((conflict) => conflict.schoolId === filter.schoolId) : own;
    }
    if (filter.schoolId) {
      const school = await this.store.getSchool(filter.schoolId);
      if (!school || !scope.coversPath(school.officePath)) throw errors.schoolNotFound();
      const conflicts = await this.store.findConflicts({ schoolId: school.id });
      return filter.inspectorId
        ? conflicts.filter((conflict) => conflict.inspectorId === filter.inspectorId)
        : conflicts;
    }
    if (!filter.inspectorId) throw errors.orgInvalid([{ path: '/inspectorId', message: '请指定督学或学校' }]);
    await this.#inspectorFor(scope, filter.inspectorId);
    return this.store.findConflicts({ inspectorId: filter.inspectorId });
  }

  async remove(scope: AccessScope, actor: Actor, inspectorId: string, schoolId: string): Promise<void> {
    scope.requireOffice();
    const school = await this.store.getSchool(schoolId);
    if (!school || !scope.coversPath(school.officePath)) throw errors.conflictNotFound();
    if (!(await this.store.deleteConflict(inspectorId, schoolId))) throw errors.conflictNotFound();
    await this.audit.record(actor, {
      action: 'conflict.lifted',
      target: `school:${school.id}`,
      officePath: school.officePath,
      detail: { inspectorId },
    });
  }

  /** The inspector a declaration is for: the caller itself, or an inspector of the admin's subtree. */
  async #inspectorFor(scope: AccessScope, inspectorId: string | undefined): Promise<string> {
    if (scope.role === 'school') throw errors.forbidden();
    if (scope.role === 'inspector') {
      if (inspectorId && inspectorId !== scope.user.id) throw errors.forbidden();
      return scope.user.id;
    }
    if (!inspectorId) throw errors.orgInvalid([{ path: '/inspectorId', message: '请指定督学' }]);
    const inspector = await this.store.getUser(inspectorId);
    const office = inspector?.officeId ? await this.store.getOffice(inspector.officeId) : null;
    if (inspector?.role !== 'inspector' || !office || !scope.coversPath(office.path))
      throw errors.userNotFound();
    return inspector.id;
  }

  /** A school the declaring side may name: in the admin's subtree, or under the inspector's office. */
  async #school(scope: AccessScope, inspectorId: string, schoolId: string): Promise<School> {
    const school = await this.store.getSchool(schoolId);
    if (!school) throw errors.schoolNotFound();
    if (scope.role === 'office') {
      if (!scope.coversPath(school.officePath)) throw errors.schoolNotFound();
      return school;
    }
    const inspector = await this.store.getUser(inspectorId);
    const office = inspector?.officeId ? await this.store.getOffice(inspector.officeId) : null;
    if (!office || !school.officePath.startsWith(office.path)) throw errors.schoolNotFound();
    return school;
  }
}
