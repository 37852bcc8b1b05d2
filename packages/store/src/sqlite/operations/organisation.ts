import { FindSchoolsArgsSchema, FindUsersArgsSchema, ListOfficesArgsSchema } from '../../contract/queries.js';
import {
  DistrictSchema,
  Id,
  type Office,
  OfficeSchema,
  type School,
  SchoolSchema,
  type User,
  UserSchema,
} from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { prefixRange } from '../../queries/prefix-range.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';
import { type Condition, inList, selectPage } from '../select-page.js';

type OrganisationOps = Pick<
  Store,
  | 'putOffice'
  | 'getOffice'
  | 'listOffices'
  | 'putDistrict'
  | 'listDistricts'
  | 'putSchool'
  | 'getSchool'
  | 'findSchools'
  | 'putUser'
  | 'getUser'
  | 'getUserByUsername'
  | 'findUsers'
>;

export function organisationOps(ctx: SqliteContext): OrganisationOps {
  return {
    async putOffice(office) {
      assertValid(OfficeSchema, office, '督导机构');
      await ctx.write(() =>
        ctx
          .statement(
            'INSERT INTO offices (id, path, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET path = excluded.path, doc = excluded.doc',
          )
          .run(office.id, office.path, JSON.stringify(office)),
      );
    },
    async getOffice(id) {
      assertValid(Id, id, '机构编号');
      return docOf(ctx.statement('SELECT doc FROM offices WHERE id = ?').get(id));
    },
    async listOffices(args = {}) {
      assertValid(ListOfficesArgsSchema, args, '机构查询');
      const where: string[] = [];
      const params: unknown[] = [];
      if (args.pathPrefix !== undefined) {
        const range = prefixRange(args.pathPrefix);
        where.push('path >= ? AND path < ?');
        params.push(range.from, range.to);
      }
      const sql = `SELECT doc FROM offices ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY path, id`;
      const offices = ctx
        .statement(sql)
        .all(...params)
        .map((row) => docOf<Office>(row)!);
      return args.level === undefined ? offices : offices.filter((office) => office.level === args.level);
    },
    async putDistrict(district) {
      assertValid(DistrictSchema, district, '责任区');
      await ctx.write(() =>
        ctx
          .statement(
            'INSERT INTO districts (id, office_id, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET office_id = excluded.office_id, doc = excluded.doc',
          )
          .run(district.id, district.officeId, JSON.stringify(district)),
      );
    },
    async listDistricts(officeId) {
      assertValid(Id, officeId, '机构编号');
      const rows = ctx.statement('SELECT doc FROM districts WHERE office_id = ? ORDER BY id').all(officeId);
      return rows.map((row) => docOf(row)!);
    },
    async putSchool(school) {
      assertValid(SchoolSchema, school, '学校');
      const doc = JSON.stringify(school);
      await ctx.write(() =>
        ctx
          .statement(
            `INSERT INTO schools (id, office_path, district_id, type, ownership, inspector_id, doc) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET office_path = excluded.office_path, district_id = excluded.district_id,
             type = excluded.type, ownership = excluded.ownership, inspector_id = excluded.inspector_id, doc = excluded.doc`,
          )
          .run(
            school.id,
            school.officePath,
            school.districtId,
            school.type,
            school.ownership,
            school.inspectorId,
            doc,
          ),
      );
    },
    async getSchool(id) {
      assertValid(Id, id, '学校编号');
      return docOf(ctx.statement('SELECT doc FROM schools WHERE id = ?').get(id));
    },
    async findSchools(args) {
      assertValid(FindSchoolsArgsSchema, args, '学校查询');
      const where: Condition[] = [];
      if (args.officePathPrefix !== undefined) {
        const range = prefixRange(args.officePathPrefix);
        where.push(['office_path >= ? AND office_path < ?', range.from, range.to]);
      }
      if (args.districtId !== undefined) where.push(['district_id = ?', args.districtId]);
      if (args.inspectorId !== undefined) where.push(['inspector_id = ?', args.inspectorId]);
      if (args.ownership !== undefined) where.push(['ownership = ?', args.ownership]);
      if (args.types !== undefined) where.push(inList('type', args.types));
      if (args.ids !== undefined) where.push(inList('id', args.ids));
      return selectPage(ctx, {
        from: 'doc FROM schools',
        where,
        orderBy: ['id'],
        limit: args.limit,
        cursor: args.cursor,
        parse: (row) => docOf<School>(row)!,
        keyOf: (school) => [school.id],
      });
    },
    async putUser(user) {
      assertValid(UserSchema, user, '用户');
      await ctx.write(() =>
        ctx
          .statement(
            `INSERT INTO users (id, username, role, office_id, school_id, doc) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET username = excluded.username, role = excluded.role,
             office_id = excluded.office_id, school_id = excluded.school_id, doc = excluded.doc`,
          )
          .run(user.id, user.username, user.role, user.officeId, user.schoolId, JSON.stringify(user)),
      );
    },
    async getUser(id) {
      assertValid(Id, id, '用户编号');
      return docOf(ctx.statement('SELECT doc FROM users WHERE id = ?').get(id));
    },
    async getUserByUsername(username) {
      assertValid(UserSchema.properties.username, username, '用户名');
      return docOf(ctx.statement('SELECT doc FROM users WHERE username = ?').get(username));
    },
    async findUsers(args) {
      assertValid(FindUsersArgsSchema, args, '用户查询');
      const where: Condition[] = [];
      if (args.role !== undefined) where.push(['role = ?', args.role]);
      if (args.officeId !== undefined) where.push(['office_id = ?', args.officeId]);
      if (args.schoolId !== undefined) where.push(['school_id = ?', args.schoolId]);
      return selectPage(ctx, {
        from: 'doc FROM users',
        where,
        orderBy: ['id'],
        limit: args.limit,
        cursor: args.cursor,
        parse: (row) => docOf<User>(row)!,
        keyOf: (user) => [user.id],
      });
    },
  };
}
