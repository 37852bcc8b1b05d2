import type { FindSchoolsArgs, Office, Page, School, SchoolType, Store, User } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { errors } from '../errors/app-error.js';
import type { AccessScope } from '../scope/access-scope.js';

export interface SchoolFilter {
  officeId?: string | undefined;
  districtId?: string | undefined;
  type?: SchoolType | undefined;
  ownership?: School['ownership'] | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface SchoolInput {
  id: string;
  name: string;
  type: SchoolType;
  ownership: School['ownership'];
  officeId: string;
  districtId: string;
  inspectorId?: string | null | undefined;
  address?: string | undefined;
  contact?: string | undefined;
}

export type SchoolPatch = Partial<Omit<SchoolInput, 'id'>>;

/**
 * Schools as each role sees them: an office its subtree, an inspector the schools it is 责任督学 (挂牌)
 * of, a school user its own school. Only office admins change them; a 责任督学 must belong to an office
 * above or at the school's and must not have declared a conflict (回避) with it.
 */
export class SchoolDirectory {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
  ) {}

  async list(scope: AccessScope, filter: SchoolFilter): Promise<Page<School>> {
    const args: FindSchoolsArgs = { limit: filter.limit, cursor: filter.cursor ?? null };
    if (filter.districtId) args.districtId = filter.districtId;
    if (filter.type) args.types = [filter.type];
    if (filter.ownership) args.ownership = filter.ownership;
    if (scope.role === 'office') {
      const office = filter.officeId ? await this.#office(scope, filter.officeId) : scope.requireOffice();
      args.officePathPrefix = office.path;
      return this.store.findSchools(args);
    }
    if (scope.role === 'school') return this.store.findSchools({ ...args, ids: [scope.user.schoolId!] });
    const page = await this.store.findSchools({ ...args, inspectorId: scope.user.id });
    const visible: School[] = [];
    for (const school of page.items) if (await scope.seesSchool(school)) visible.push(school);
    return { items: visible, nextCursor: page.nextCursor };
  }

  async get(scope: AccessScope, id: string): Promise<School> {
    const school = await this.store.getSchool(id);
    if (!school || !(await scope.seesSchool(school))) throw errors.schoolNotFound();
    return school;
  }

  async create(scope: AccessScope, actor: Actor, input: SchoolInput): Promise<School> {
    scope.requireOffice();
    if (await this.store.getSchool(input.id)) throw errors.schoolExists();
    const school = await this.#checked(scope, input);
    await this.store.putSchool(school);
    await this.audit.record(actor, {
      action: 'school.created',
      target: `school:${school.id}`,
      officePath: school.officePath,
      detail: { ...school },
    });
    return school;
  }

  async update(scope: AccessScope, actor: Actor, id: string, patch: SchoolPatch): Promise<School> {
    scope.requireOffice();
    const current = await this.get(scope, id);
    // The 挂牌 is checked only when it changes: a school whose 责任督学 later declared a conflict stays editable.
    const school = await this.#checked(
      scope,
      { ...current, ...patch, id: current.id },
      patch.inspectorId !== undefined || patch.officeId !== undefined,
    );
    await this.store.putSchool(school);
    await this.audit.record(actor, {
      action: patch.inspectorId !== undefined ? 'school.inspector-assigned' : 'school.updated',
      target: `school:${school.id}`,
      officePath: school.officePath,
      detail: { changes: patch, previousInspectorId: current.inspectorId },
    });
    return school;
  }

  /** The school as it will be stored, after every reference it makes is checked. */
  async #checked(scope: AccessScope, input: SchoolInput, checkInspector = true): Promise<School> {
    const office = await this.#office(scope, input.officeId);
    if (office.level !== 'county')
      throw errors.orgInvalid([{ path: '/officeId', message: '学校须隶属县级督导室' }]);
    const districts = await this.store.listDistricts(office.id);
    if (!districts.some((district) => district.id === input.districtId))
      throw errors.orgInvalid([{ path: '/districtId', message: '责任区不存在或不属于该督导室' }]);
    const inspectorId = input.inspectorId ?? null;
    if (inspectorId && checkInspector) await this.checkInspector(scope, inspectorId, office.path, input.id);
    const school: School = {
      id: input.id,
      name: input.name,
      type: input.type,
      ownership: input.ownership,
      officeId: office.id,
      officePath: office.path,
      districtId: input.districtId,
      inspectorId,
    };
    if (input.address !== undefined) school.address = input.address;
    if (input.contact !== undefined) school.contact = input.contact;
    return school;
  }

  /** An inspector may be 责任督学 of a school below its own office, unless it declared a conflict with it. */
  async checkInspector(
    scope: AccessScope,
    inspectorId: string,
    schoolOfficePath: string,
    schoolId: string,
  ): Promise<User> {
    const inspector = await this.store.getUser(inspectorId);
    const office = inspector?.officeId ? await this.store.getOffice(inspector.officeId) : null;
    if (inspector?.role !== 'inspector' || !office || !scope.coversPath(office.path))
      throw errors.orgInvalid([{ path: '/inspectorId', message: '督学不存在或不在本级管辖范围' }]);
    if (!schoolOfficePath.startsWith(office.path))
      throw errors.orgInvalid([{ path: '/inspectorId', message: '督学所在督导室不管辖该校' }]);
    if (await this.store.hasConflict(inspectorId, schoolId)) throw errors.conflictPair();
    return inspector;
  }

  async #office(scope: AccessScope, id: string): Promise<Office> {
    const office = await this.store.getOffice(id);
    if (!office || !scope.coversPath(office.path)) throw errors.officeNotFound();
    return office;
  }
}
