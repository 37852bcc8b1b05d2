import { randomUUID } from 'node:crypto';
import type { Page, Role, Store, User, UserPost } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { LoginGuard, loginTarget } from '../auth/login-guard.js';
import { hashPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/password-policy.js';
import { errors } from '../errors/app-error.js';
import type { AccessScope } from '../scope/access-scope.js';
import { officePathOfUser } from '../scope/office-path-of.js';

export interface NewUserInput {
  username: string;
  displayName: string;
  role: Role;
  post?: UserPost | undefined;
  officeId?: string | undefined;
  schoolId?: string | undefined;
  password: string;
}

export interface UserChanges {
  displayName?: string | undefined;
  post?: UserPost | undefined;
}

/** The posts each role may hold: 专职/兼职 for a 督学, 校长/联络员 for a school user, none in an office. */
const POSTS_OF_ROLE: Record<Role, readonly UserPost[]> = {
  office: [],
  inspector: ['full_time', 'part_time'],
  school: ['principal', 'liaison'],
};

function checkPost(role: Role, post: UserPost | undefined): void {
  if (post !== undefined && !POSTS_OF_ROLE[role].includes(post))
    throw errors.userInvalid([
      {
        path: '/post',
        message:
          role === 'office'
            ? '督导室用户不设身份'
            : role === 'inspector'
              ? '督学的身份须为专职（full_time）或兼职（part_time）'
              : '学校用户的身份须为校长（principal）或联络员（liaison）',
      },
    ]);
}

export interface UserListFilter {
  role?: Role | undefined;
  officeId?: string | undefined;
  schoolId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * The accounts an office admin manages: office users and inspectors of offices in its subtree, and the
 * users of schools in its subtree. A user outside the subtree is "not found".
 */
export class UserDirectory {
  readonly #guard: LoginGuard;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.#guard = new LoginGuard(store);
  }

  async list(scope: AccessScope, filter: UserListFilter): Promise<Page<User>> {
    const office = scope.requireOffice();
    const page = { limit: filter.limit, cursor: filter.cursor ?? null };
    if (filter.schoolId) {
      const school = await this.store.getSchool(filter.schoolId);
      if (!school || !scope.coversPath(school.officePath)) throw errors.schoolNotFound();
      return this.store.findUsers({ ...page, schoolId: school.id, role: 'school' });
    }
    const officeId = filter.officeId ?? office.id;
    const target = await this.store.getOffice(officeId);
    if (!target || !scope.coversPath(target.path)) throw errors.officeNotFound();
    return this.store.findUsers({
      ...page,
      officeId,
      ...(filter.role ? { role: filter.role } : {}),
    });
  }

  async get(scope: AccessScope, id: string): Promise<{ user: User; lockedForSeconds: number }> {
    const user = await this.#visible(scope, id);
    return { user, lockedForSeconds: await this.#guard.lockedFor(user.username, this.now()) };
  }

  async create(scope: AccessScope, actor: Actor, input: NewUserInput): Promise<User> {
    scope.requireOffice();
    checkPost(input.role, input.post);
    const placement = await this.#placement(scope, input);
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw errors.weakPassword(problem);
    if (await this.store.getUserByUsername(input.username)) throw errors.usernameTaken();
    const user: User = {
      id: `u_${randomUUID()}`,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      ...(input.post ? { post: input.post } : {}),
      officeId: placement.officeId,
      schoolId: placement.schoolId,
      passwordHash: await hashPassword(input.password),
      createdAt: this.now().toISOString(),
    };
    await this.store.putUser(user);
    await this.audit.record(actor, {
      action: 'user.created',
      target: `user:${user.id}`,
      officePath: placement.officePath,
      detail: {
        username: user.username,
        role: user.role,
        post: user.post ?? null,
        officeId: user.officeId,
        schoolId: user.schoolId,
      },
    });
    return user;
  }

  /** Renames a user or changes its post (专职/兼职, 校长/联络员). */
  async update(scope: AccessScope, actor: Actor, id: string, changes: UserChanges): Promise<User> {
    const user = await this.#visible(scope, id);
    checkPost(user.role, changes.post);
    const updated: User = {
      ...user,
      ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
      ...(changes.post !== undefined ? { post: changes.post } : {}),
    };
    await this.store.putUser(updated);
    await this.#record(actor, 'user.updated', updated, { ...changes });
    return updated;
  }

  /** Sets a new password chosen by the admin; every session of the user ends. */
  async resetPassword(scope: AccessScope, actor: Actor, id: string, password: string): Promise<void> {
    const user = await this.#visible(scope, id);
    const problem = passwordProblem(password, user.username);
    if (problem) throw errors.weakPassword(problem);
    await this.store.putUser({ ...user, passwordHash: await hashPassword(password) });
    await this.#record(actor, 'user.password-reset', user);
  }

  /** Lifts a lock-out before it runs out. */
  async unlock(scope: AccessScope, actor: Actor, id: string): Promise<void> {
    const user = await this.#visible(scope, id);
    await this.audit.record(actor, {
      action: 'auth.unlocked',
      target: loginTarget(user.username),
      officePath: await officePathOfUser(this.store, user),
      detail: { userId: user.id },
    });
  }

  async #visible(scope: AccessScope, id: string): Promise<User> {
    scope.requireOffice();
    const user = await this.store.getUser(id);
    const path = await officePathOfUser(this.store, user);
    if (!user || !path || !scope.coversPath(path)) throw errors.userNotFound();
    return user;
  }

  async #placement(scope: AccessScope, input: NewUserInput) {
    if (input.role === 'school') {
      if (!input.schoolId || input.officeId)
        throw errors.userInvalid([{ path: '/schoolId', message: '学校用户须指定学校，且不指定督导室' }]);
      const school = await this.store.getSchool(input.schoolId);
      if (!school || !scope.coversPath(school.officePath)) throw errors.schoolNotFound();
      return { officeId: null, schoolId: school.id, officePath: school.officePath };
    }
    if (!input.officeId || input.schoolId)
      throw errors.userInvalid([
        { path: '/officeId', message: '督导室用户和督学须指定督导室，且不指定学校' },
      ]);
    const office = await this.store.getOffice(input.officeId);
    if (!office || !scope.coversPath(office.path)) throw errors.officeNotFound();
    return { officeId: office.id, schoolId: null, officePath: office.path };
  }

  async #record(actor: Actor, action: string, user: User, detail: Record<string, unknown> = {}) {
    await this.audit.record(actor, {
      action,
      target: `user:${user.id}`,
      officePath: await officePathOfUser(this.store, user),
      detail,
    });
  }
}
