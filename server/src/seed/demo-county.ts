import type { District, Office, School, SchoolType, Store, User } from '@ddt/store';
import { hashPassword } from '../auth/password.js';

/** Every demo account's password, printed by `npm start`. */
export const DEMO_PASSWORD = 'Demo@2026';

const offices: Office[] = [
  {
    id: 'o-province',
    name: '示范省人民政府教育督导委员会办公室',
    level: 'province',
    parentId: null,
    path: '/o-province/',
  },
  {
    id: 'o-city',
    name: '示范市人民政府教育督导室',
    level: 'city',
    parentId: 'o-province',
    path: '/o-province/o-city/',
  },
  {
    id: 'o-county',
    name: '青山县人民政府教育督导室',
    level: 'county',
    parentId: 'o-city',
    path: '/o-province/o-city/o-county/',
  },
];

const districts: District[] = [
  { id: 'd-1', name: '第一责任区（城区）', officeId: 'o-county' },
  { id: 'd-2', name: '第二责任区（东部乡镇）', officeId: 'o-county' },
  { id: 'd-3', name: '第三责任区（西部乡镇）', officeId: 'o-county' },
];

const inspectors = [
  { id: 'u-inspector-1', username: 'duxue1', displayName: '张明', post: 'full_time' },
  { id: 'u-inspector-2', username: 'duxue2', displayName: '李华', post: 'part_time' },
  { id: 'u-inspector-3', username: 'duxue3', displayName: '王芳', post: 'full_time' },
  { id: 'u-inspector-4', username: 'duxue4', displayName: '赵强', post: 'part_time' },
] as const;

/** 20 schools, 5 per 责任督学 (the national 1:5 ratio), spread over 3 责任区. */
const schools: [
  name: string,
  type: SchoolType,
  ownership: School['ownership'],
  district: string,
  inspector: number,
][] = [
  ['青山县实验小学', 'primary', 'public', 'd-1', 1],
  ['青山县城关第一小学', 'primary', 'public', 'd-1', 1],
  ['青山县第一初级中学', 'junior', 'public', 'd-1', 1],
  ['青山县第一高级中学', 'senior', 'public', 'd-1', 1],
  ['青山县机关幼儿园', 'kindergarten', 'public', 'd-1', 1],
  ['青山县城关第二小学', 'primary', 'public', 'd-1', 2],
  ['青山县第二初级中学', 'junior', 'public', 'd-1', 2],
  ['青山县育才高级中学', 'senior', 'private', 'd-1', 2],
  ['青山县启航教育培训学校', 'training', 'private', 'd-1', 2],
  ['青山县阳光幼儿园', 'kindergarten', 'private', 'd-1', 2],
  ['东河镇中心小学', 'primary', 'public', 'd-2', 3],
  ['东河镇九年一贯制学校', 'nine_year', 'public', 'd-2', 3],
  ['东河镇初级中学', 'junior', 'public', 'd-2', 3],
  ['东河镇中心幼儿园', 'kindergarten', 'public', 'd-2', 3],
  ['东河镇明德小学', 'primary', 'public', 'd-2', 3],
  ['西岭乡中心小学', 'primary', 'public', 'd-3', 4],
  ['西岭乡九年一贯制学校', 'nine_year', 'public', 'd-3', 4],
  ['西岭乡初级中学', 'junior', 'public', 'd-3', 4],
  ['西岭乡石桥小学', 'primary', 'public', 'd-3', 4],
  ['西岭乡博学艺术培训中心', 'training', 'private', 'd-3', 4],
];

export interface DemoLogin {
  username: string;
  displayName: string;
  role: User['role'];
}

/**
 * Seeds the demo county on first start. Every write is an upsert by a fixed id and the admin account is
 * written last, so a start interrupted half-way finishes the seed next time and a seeded store is left
 * alone.
 */
export async function seedDemoCounty(
  store: Store,
  now: Date,
): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  const logins = demoLogins();
  if (await store.getUserByUsername('admin')) return { seeded: false, logins };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const createdAt = now.toISOString();
  const account = (user: Omit<User, 'passwordHash' | 'createdAt'>): User => ({
    ...user,
    passwordHash,
    createdAt,
  });

  for (const office of offices) await store.putOffice(office);
  for (const district of districts) await store.putDistrict(district);
  for (const inspector of inspectors) {
    await store.putUser(account({ ...inspector, role: 'inspector', officeId: 'o-county', schoolId: null }));
  }
  for (const [index, [name, type, ownership, districtId, inspector]] of schools.entries()) {
    const id = `s-${String(index + 1).padStart(2, '0')}`;
    await store.putSchool({
      id,
      name,
      type,
      ownership,
      officeId: 'o-county',
      officePath: '/o-province/o-city/o-county/',
      districtId,
      inspectorId: `u-inspector-${inspector}`,
    });
    await store.putUser(
      account({
        id: `u-school-${id.slice(2)}`,
        username: `school${id.slice(2)}`,
        displayName: `${name}联络员`,
        role: 'school',
        post: 'liaison',
        officeId: null,
        schoolId: id,
      }),
    );
  }
  await store.putUser(
    account({
      id: 'u-admin',
      username: 'admin',
      displayName: '青山县教育督导室管理员',
      role: 'office',
      officeId: 'o-county',
      schoolId: null,
    }),
  );
  return { seeded: true, logins };
}

function demoLogins(): DemoLogin[] {
  return [
    { username: 'admin', displayName: '青山县教育督导室管理员', role: 'office' },
    ...inspectors.map((inspector) => ({
      username: inspector.username,
      displayName: `${inspector.displayName}（${inspector.post === 'full_time' ? '专职' : '兼职'}督学）`,
      role: 'inspector' as const,
    })),
    ...schools.map(([name], index) => ({
      username: `school${String(index + 1).padStart(2, '0')}`,
      displayName: `${name}联络员`,
      role: 'school' as const,
    })),
  ];
}
