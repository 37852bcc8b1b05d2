import { randomUUID } from 'node:crypto';
import type { District, Office, Store } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { errors } from '../errors/app-error.js';
import type { AccessScope } from '../scope/access-scope.js';

const CHILD_LEVEL: Record<Office['level'], Office['level'] | null> = {
  province: 'city',
  city: 'county',
  county: null,
};

/** The 督导室 tree (省/市/县) and the 责任区 of county offices, as far as the caller's subtree reaches. */
export class OfficeDirectory {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
  ) {}

  /** The caller's office and every office below it, parents before children. */
  list(scope: AccessScope): Promise<Office[]> {
    return this.store.listOffices({ pathPrefix: scope.requireOffice().path });
  }

  async get(scope: AccessScope, id: string): Promise<Office> {
    scope.requireOffice();
    const office = await this.store.getOffice(id);
    if (!office || !scope.coversPath(office.path)) throw errors.officeNotFound();
    return office;
  }

  /** A new office one level below a parent in the caller's subtree (省 → 市 → 县). */
  async create(scope: AccessScope, actor: Actor, input: { name: string; parentId: string }): Promise<Office> {
    const parent = await this.get(scope, input.parentId);
    const level = CHILD_LEVEL[parent.level];
    if (!level) throw errors.orgInvalid([{ path: '/parentId', message: '县级督导室下不能再设下级督导室' }]);
    const id = `o_${randomUUID()}`;
    const office: Office = { id, name: input.name, level, parentId: parent.id, path: `${parent.path}${id}/` };
    await this.store.putOffice(office);
    await this.audit.record(actor, {
      action: 'office.created',
      target: `office:${id}`,
      officePath: office.path,
      detail: { name: office.name, level, parentId: parent.id },
    });
    return office;
  }

  async rename(scope: AccessScope, actor: Actor, id: string, name: string): Promise<Office> {
    const office = { ...(await this.get(scope, id)), name };
    await this.store.putOffice(office);
    await this.audit.record(actor, {
      action: 'office.updated',
      target: `office:${id}`,
      officePath: office.path,
      detail: { name },
    });
    return office;
  }

  async districts(scope: AccessScope, officeId: string): Promise<District[]> {
    const office = await this.get(scope, officeId);
    return this.store.listDistricts(office.id);
  }

  async district(scope: AccessScope, officeId: string, districtId: string): Promise<District> {
    const district = (await this.districts(scope, officeId)).find((candidate) => candidate.id === districtId);
    if (!district) throw errors.districtNotFound();
    return district;
  }

  /** A 责任区 exists only under a county office. */
  async createDistrict(scope: AccessScope, actor: Actor, officeId: string, name: string): Promise<District> {
    const office = await this.get(scope, officeId);
    if (office.level !== 'county')
      throw errors.orgInvalid([{ path: '/officeId', message: '责任区只能设在县级督导室下' }]);
    const district: District = { id: `d_${randomUUID()}`, name, officeId: office.id };
    await this.store.putDistrict(district);
    await this.audit.record(actor, {
      action: 'district.created',
      target: `district:${district.id}`,
      officePath: office.path,
      detail: { name, officeId: office.id },
    });
    return district;
  }

  async renameDistrict(
    scope: AccessScope,
    actor: Actor,
    officeId: string,
    districtId: string,
    name: string,
  ): Promise<District> {
    const office = await this.get(scope, officeId);
    const district = { ...(await this.district(scope, officeId, districtId)), name };
    await this.store.putDistrict(district);
    await this.audit.record(actor, {
      action: 'district.updated',
      target: `district:${district.id}`,
      officePath: office.path,
      detail: { name },
    });
    return district;
  }
}
