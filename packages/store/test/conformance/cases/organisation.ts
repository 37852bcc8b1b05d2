import type { School } from '../../../src/index.js';
import { district, office, school, TRICKY_TEXT, user } from '../fixtures.js';
import { type ConformanceTarget, errorCodeOf } from '../target.js';

export function organisationCases(target: () => ConformanceTarget): void {
  describe('organisation', () => {
    it('puts and gets offices, lists them parent-first by path, and replaces on a second put', async () => {
      const { store } = target();
      await store.putOffice(office('c1', '/p1/m1/c1/'));
      await store.putOffice(office('p1', '/p1/'));
      await store.putOffice(office('m1', '/p1/m1/'));
      await store.putOffice(office('c1', '/p1/m1/c1/', { name: TRICKY_TEXT }));

      expect(await store.getOffice('c1')).toEqual(office('c1', '/p1/m1/c1/', { name: TRICKY_TEXT }));
      expect(await store.getOffice('nope')).toBeNull();
      expect((await store.listOffices()).map((o) => o.id)).toEqual(['p1', 'm1', 'c1']);
    });

    it('lists an office subtree and one level of offices', async () => {
      const { store } = target();
      for (const o of [
        office('p1', '/p1/'),
        office('m1', '/p1/m1/'),
        office('c1', '/p1/m1/c1/'),
        office('c2', '/p1/m1/c2/'),
      ]) {
        await store.putOffice(o);
      }
      await store.putOffice(office('m2', '/p1/m2/'));
      await store.putOffice(office('p2', '/p2/'));
      expect((await store.listOffices({ pathPrefix: '/p1/m1/' })).map((o) => o.id)).toEqual([
        'm1',
        'c1',
        'c2',
      ]);
      expect((await store.listOffices({ level: 'city' })).map((o) => o.id)).toEqual(['m1', 'm2']);
      expect((await store.listOffices({ pathPrefix: '/p1/', level: 'county' })).map((o) => o.id)).toEqual([
        'c1',
        'c2',
      ]);
    });

    it('lists the 责任区 of one office', async () => {
      const { store } = target();
      await store.putDistrict(district('d2', 'c1'));
      await store.putDistrict(district('d1', 'c1'));
      await store.putDistrict(district('d3', 'c2'));
      expect(await store.listDistricts('c1')).toEqual([district('d1', 'c1'), district('d2', 'c1')]);
      expect(await store.listDistricts('c9')).toEqual([]);
    });

    it('finds schools by office subtree, 责任区, type, ownership, ids and inspector, paged by id', async () => {
      const { store } = target();
      const schools: School[] = [
        school('s1', { type: 'primary', districtId: 'd1', inspectorId: 'i1' }),
        school('s2', { type: 'junior', districtId: 'd1', ownership: 'private' }),
        school('s3', {
          type: 'senior',
          districtId: 'd2',
          officeId: 'c2',
          officePath: '/p1/m1/c2/',
          inspectorId: 'i1',
        }),
        school('s4', { type: 'primary', districtId: 'd3', officeId: 'c3', officePath: '/p1/m2/c3/' }),
        school('s5', { type: 'kindergarten', districtId: 'd1' }),
      ];
      for (const s of schools.reverse()) await store.putSchool(s);
      const ids = async (args: Parameters<typeof store.findSchools>[0]) =>
        (await store.findSchools(args)).items.map((s) => s.id);

      expect(await ids({ limit: 10, officePathPrefix: '/p1/m1/' })).toEqual(['s1', 's2', 's3', 's5']);
      expect(await ids({ limit: 10, officePathPrefix: '/p1/m1/c1/' })).toEqual(['s1', 's2', 's5']);
      expect(await ids({ limit: 10, districtId: 'd1' })).toEqual(['s1', 's2', 's5']);
      expect(await ids({ limit: 10, types: ['primary', 'senior'] })).toEqual(['s1', 's3', 's4']);
      expect(await ids({ limit: 10, ownership: 'private' })).toEqual(['s2']);
      expect(await ids({ limit: 10, ids: ['s4', 's2', 'zz'] })).toEqual(['s2', 's4']);
      expect(await ids({ limit: 10, inspectorId: 'i1' })).toEqual(['s1', 's3']);
      expect(await ids({ limit: 10, districtId: 'd1', types: ['primary'] })).toEqual(['s1']);
      expect(await store.getSchool('s3')).toEqual(
        school('s3', {
          type: 'senior',
          districtId: 'd2',
          officeId: 'c2',
          officePath: '/p1/m1/c2/',
          inspectorId: 'i1',
        }),
      );

      const first = await store.findSchools({ limit: 2 });
      expect(first.items.map((s) => s.id)).toEqual(['s1', 's2']);
      const second = await store.findSchools({ limit: 2, cursor: first.nextCursor });
      expect(second.items.map((s) => s.id)).toEqual(['s3', 's4']);
      const third = await store.findSchools({ limit: 2, cursor: second.nextCursor });
      expect(third).toEqual({
        items: [school('s5', { type: 'kindergarten', districtId: 'd1' })],
        nextCursor: null,
      });
    });

    it('moves a school to another 责任区 when it is put again', async () => {
      const { store } = target();
      await store.putSchool(school('s1', { districtId: 'd1' }));
      await store.putSchool(school('s1', { districtId: 'd2' }));
      expect((await store.findSchools({ limit: 10, districtId: 'd1' })).items).toEqual([]);
      expect((await store.findSchools({ limit: 10, districtId: 'd2' })).items.map((s) => s.id)).toEqual([
        's1',
      ]);
    });

    it('gets users by id and by username, and refuses a username another user has', async () => {
      const { store } = target();
      await store.putUser(user('u1', { username: 'zhangsan', displayName: '张三' }));
      await store.putUser(user('u1', { username: 'zhangsan', displayName: '张三丰' }));
      expect((await store.getUser('u1'))?.displayName).toBe('张三丰');
      expect((await store.getUserByUsername('zhangsan'))?.id).toBe('u1');
      expect(await store.getUserByUsername('lisi')).toBeNull();

      expect(await errorCodeOf(() => store.putUser(user('u2', { username: 'zhangsan' })))).toBe(
        'STORE_ERR_DUPLICATE',
      );
      expect(await store.getUser('u2')).toBeNull();
    });

    it('finds users by role, office and school, paged by id', async () => {
      const { store } = target();
      await store.putUser(user('u3', { role: 'inspector', officeId: 'c1' }));
      await store.putUser(user('u1', { role: 'office', officeId: 'c1' }));
      await store.putUser(user('u2', { role: 'school', schoolId: 's1' }));
      await store.putUser(user('u4', { role: 'inspector', officeId: 'c2' }));
      const ids = async (args: Parameters<typeof store.findUsers>[0]) =>
        (await store.findUsers(args)).items.map((u) => u.id);
      expect(await ids({ limit: 10, role: 'inspector' })).toEqual(['u3', 'u4']);
      expect(await ids({ limit: 10, officeId: 'c1' })).toEqual(['u1', 'u3']);
      expect(await ids({ limit: 10, schoolId: 's1' })).toEqual(['u2']);
      expect(await ids({ limit: 10, role: 'inspector', officeId: 'c1' })).toEqual(['u3']);
      const first = await store.findUsers({ limit: 3 });
      expect(first.items.map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
      expect((await store.findUsers({ limit: 3, cursor: first.nextCursor })).items.map((u) => u.id)).toEqual([
        'u4',
      ]);
    });

    it('records, finds, checks and removes 回避 pairs', async () => {
      const { store } = target();
      const pair = (inspectorId: string, schoolId: string) => ({
        inspectorId,
        schoolId,
        reason: '近亲属在该校任职',
        createdBy: 'u-admin',
        createdAt: '2025-09-01T08:00:00.000Z',
      });
      await store.putConflict(pair('i1', 's2'));
      await store.putConflict(pair('i1', 's1'));
      await store.putConflict(pair('i2', 's1'));
      await store.putConflict({ ...pair('i2', 's1'), reason: '曾任该校校长' });
      expect(await store.hasConflict('i1', 's1')).toBe(true);
      expect(await store.hasConflict('i2', 's2')).toBe(false);
      expect((await store.findConflicts({ inspectorId: 'i1' })).map((c) => c.schoolId)).toEqual(['s1', 's2']);
      expect(await store.findConflicts({ schoolId: 's1' })).toEqual([
        pair('i1', 's1'),
        { ...pair('i2', 's1'), reason: '曾任该校校长' },
      ]);
      expect(await store.deleteConflict('i1', 's1')).toBe(true);
      expect(await store.deleteConflict('i1', 's1')).toBe(false);
      expect(await store.hasConflict('i1', 's1')).toBe(false);
      expect(await errorCodeOf(() => store.findConflicts({} as never))).toBe('STORE_ERR_INVALID');
    });
  });
}
