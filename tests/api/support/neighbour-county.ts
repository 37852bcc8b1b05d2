import type { Store } from '@ddt/store';

/**
 * A second county under the demo city (临河县), with its own admin, 责任督学 and school: the users
 * outside the demo county's scope that denial tests act as. Same password as the demo accounts.
 */
export const neighbour = {
  officeId: 'o-county-2',
  officePath: '/o-province/o-city/o-county-2/',
  districtId: 'd-21',
  schoolId: 's-21',
  schoolName: '临河县实验小学',
  admin: 'admin2',
  inspector: 'duxue21',
  school: 'school21',
} as const;

export async function seedNeighbourCounty(store: Store): Promise<void> {
  // The demo accounts' hash: same password, no extra argon2 run.
  const passwordHash = (await store.getUserByUsername('admin'))!.passwordHash;
  const createdAt = new Date().toISOString();
  await store.putOffice({
    id: neighbour.officeId,
    name: '临河县人民政府教育督导室',
    level: 'county',
    parentId: 'o-city',
    path: neighbour.officePath,
  });
  await store.putDistrict({
    id: neighbour.districtId,
    name: '临河县第一责任区',
    officeId: neighbour.officeId,
  });
  const user = (
    id: string,
    username: string,
    displayName: string,
    role: 'office' | 'inspector' | 'school',
  ) => ({
    id,
    username,
    displayName,
    role,
    officeId: role === 'school' ? null : neighbour.officeId,
    schoolId: role === 'school' ? neighbour.schoolId : null,
    passwordHash,
    createdAt,
  });
  await store.putUser(user('u-n-inspector', neighbour.inspector, '周临（专职督学）', 'inspector'));
  await store.putSchool({
    id: neighbour.schoolId,
    name: neighbour.schoolName,
    type: 'primary',
    ownership: 'public',
    officeId: neighbour.officeId,
    officePath: neighbour.officePath,
    districtId: neighbour.districtId,
    inspectorId: 'u-n-inspector',
  });
  await store.putUser(user('u-n-school', neighbour.school, '临河县实验小学联络员', 'school'));
  await store.putUser(user('u-n-admin', neighbour.admin, '临河县教育督导室管理员', 'office'));
}
