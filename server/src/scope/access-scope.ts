import type { Instance, Office, ProgramVersion, School, Store, User } from '@ddt/store';
import { errors } from '../errors/app-error.js';

/** The instance fields a visibility check reads (an `Instance` or an `InstanceSummary`). */
export type InstanceFacts = Pick<Instance, 'schoolId' | 'officePath' | 'tasks'> & {
  history?: Instance['history'];
};

/**
 * What one user may see:
 * - an office user: everything under its office (its subtree of the 省/市/县 tree);
 * - a school user: its own school;
 * - an inspector (督学): the schools it is 责任督学 of, and the instances it was given a task in (a
 *   campaign may hand a school to another inspector of the 责任区 when the 责任督学 must 回避) — never a
 *   school it declared a conflict with.
 * Routes answer "not found" for anything outside, so a caller learns nothing about it.
 */
export class AccessScope {
  constructor(
    readonly user: User,
    /** The user's office (office users and inspectors; null for school users). */
    readonly office: Office | null,
    private readonly store: Store,
  ) {}

  get role(): User['role'] {
    return this.user.role;
  }

  /** The office of an office user; anyone else is refused. */
  requireOffice(): Office {
    if (this.user.role !== 'office' || !this.office) throw errors.forbidden();
    return this.office;
  }

  /** Whether an office path lies in this office user's subtree. */
  coversPath(path: string): boolean {
    return this.user.role === 'office' && this.office !== null && path.startsWith(this.office.path);
  }

  /**
   * Whether this user may see and use a program: the platform's (no owner) are everyone's; an office's
   * program serves the offices, inspectors and schools below it, and the offices above it.
   */
  async seesProgram(program: Pick<ProgramVersion, 'ownerPath'>): Promise<boolean> {
    const owner = program.ownerPath;
    if (!owner) return true;
    if (this.coversPath(owner)) return true;
    return (await this.#homePath())?.startsWith(owner) ?? false;
  }

  #home: Promise<string | undefined> | undefined;
  /** The office path the user works under: its office's, or its school's; read once per request. */
  #homePath(): Promise<string | undefined> {
    this.#home ??=
      this.user.role === 'school'
        ? this.store.getSchool(this.user.schoolId ?? '').then((school) => school?.officePath)
        : Promise.resolve(this.office?.path);
    return this.#home;
  }

  /**
   * Whether this office user may publish new versions of a program, retire and restore them: the owner
   * office and those above it; for the platform's programs, the top offices of the tree.
   */
  managesProgram(program: Pick<ProgramVersion, 'ownerPath'>): boolean {
    if (this.user.role !== 'office' || !this.office) return false;
    return program.ownerPath ? this.coversPath(program.ownerPath) : this.office.parentId === null;
  }

  async seesSchool(school: School): Promise<boolean> {
    if (this.user.role === 'office') return this.coversPath(school.officePath);
    if (this.user.role === 'school') return this.user.schoolId === school.id;
    return school.inspectorId === this.user.id && !(await this.store.hasConflict(this.user.id, school.id));
  }

  async seesInstance(instance: InstanceFacts): Promise<boolean> {
    if (this.user.role === 'office') return this.coversPath(instance.officePath);
    if (!instance.schoolId) return false;
    if (this.user.role === 'school') return this.user.schoolId === instance.schoolId;
    if (await this.store.hasConflict(this.user.id, instance.schoolId)) return false;
    const key = `user:${this.user.id}`;
    const involved =
      instance.tasks.some((task) => task.audience.includes(key)) ||
      (instance.history ?? []).some((entry) => entry.completedBy === this.user.id);
    if (involved) return true;
    const school = await this.store.getSchool(instance.schoolId);
    return school?.inspectorId === this.user.id;
  }
}

/** Builds a user's scope once per request. */
export class Scopes {
  constructor(private readonly store: Store) {}

  async of(user: User): Promise<AccessScope> {
    const office = user.officeId ? await this.store.getOffice(user.officeId) : null;
    if (user.role === 'office' && !office) throw errors.forbidden();
    if (user.role === 'school' && !user.schoolId) throw errors.forbidden();
    return new AccessScope(user, office, this.store);
  }
}
