import type { Document } from 'mongodb';
import { FindSchoolsArgsSchema, FindUsersArgsSchema, ListOfficesArgsSchema } from '../../contract/queries.js';
import { DistrictSchema, Id, OfficeSchema, SchoolSchema, UserSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { prefixRange } from '../../queries/prefix-range.js';
import { assertValid } from '../../validation/assert-valid.js';
import { CODECS } from '../codecs.js';
import type { MongoContext } from '../context.js';
import { findPage } from '../find-page.js';

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

export function organisationOps(ctx: MongoContext): OrganisationOps {
  const offices = ctx.collection('offices');
  const districts = ctx.collection('districts');
  const schools = ctx.collection('schools');
  const users = ctx.collection('users');
  return {
    async putOffice(office) {
      assertValid(OfficeSchema, office, '督导机构');
      await offices.replaceOne({ _id: office.id }, CODECS.offices.toDoc(office), { upsert: true });
    },
    async getOffice(id) {
      assertValid(Id, id, '机构编号');
      const doc = await offices.findOne({ _id: id });
      return doc ? CODECS.offices.fromDoc(doc) : null;
    },
    async listOffices(args = {}) {
      assertValid(ListOfficesArgsSchema, args, '机构查询');
      const filter: Document = {};
      if (args.pathPrefix !== undefined) {
        const range = prefixRange(args.pathPrefix);
        filter.path = { $gte: range.from, $lt: range.to };
      }
      if (args.level !== undefined) filter.level = args.level;
      const docs = await offices.find(filter).sort({ path: 1, _id: 1 }).toArray();
      return docs.map((doc) => CODECS.offices.fromDoc(doc));
    },
    async putDistrict(district) {
      assertValid(DistrictSchema, district, '责任区');
      await districts.replaceOne({ _id: district.id }, CODECS.districts.toDoc(district), { upsert: true });
    },
    async listDistricts(officeId) {
      assertValid(Id, officeId, '机构编号');
      const docs = await districts.find({ officeId }).sort({ officeId: 1, _id: 1 }).toArray();
      return docs.map((doc) => CODECS.districts.fromDoc(doc));
    },
    async putSchool(school) {
      assertValid(SchoolSchema, school, '学校');
      await schools.replaceOne({ _id: school.id }, CODECS.schools.toDoc(school), { upsert: true });
    },
    async getSchool(id) {
      assertValid(Id, id, '学校编号');
      const doc = await schools.findOne({ _id: id });
      return doc ? CODECS.schools.fromDoc(doc) : null;
    },
    async findSchools(args) {
      assertValid(FindSchoolsArgsSchema, args, '学校查询');
      const filter: Document = {};
      if (args.officePathPrefix !== undefined) {
        const range = prefixRange(args.officePathPrefix);
        filter.officePath = { $gte: range.from, $lt: range.to };
      }
      if (args.districtId !== undefined) filter.districtId = args.districtId;
      if (args.inspectorId !== undefined) filter.inspectorId = args.inspectorId;
      if (args.ownership !== undefined) filter.ownership = args.ownership;
      if (args.types !== undefined) filter.type = { $in: args.types };
      if (args.ids !== undefined) filter._id = { $in: args.ids };
      return findPage(schools, {
        filter,
        sort: ['_id'],
        limit: args.limit,
        cursor: args.cursor,
        decode: (doc) => CODECS.schools.fromDoc(doc),
        keyOf: (school) => [school.id],
      });
    },
    async putUser(user) {
      assertValid(UserSchema, user, '用户');
      await users.replaceOne({ _id: user.id }, CODECS.users.toDoc(user), { upsert: true });
    },
    async getUser(id) {
      assertValid(Id, id, '用户编号');
      const doc = await users.findOne({ _id: id });
      return doc ? CODECS.users.fromDoc(doc) : null;
    },
    async getUserByUsername(username) {
      assertValid(UserSchema.properties.username, username, '用户名');
      const doc = await users.findOne({ username });
      return doc ? CODECS.users.fromDoc(doc) : null;
    },
    async findUsers(args) {
      assertValid(FindUsersArgsSchema, args, '用户查询');
      const filter: Document = {};
      if (args.role !== undefined) filter.role = args.role;
      if (args.officeId !== undefined) filter.officeId = args.officeId;
      if (args.schoolId !== undefined) filter.schoolId = args.schoolId;
      return findPage(users, {
        filter,
        sort: ['_id'],
        limit: args.limit,
        cursor: args.cursor,
        decode: (doc) => CODECS.users.fromDoc(doc),
        keyOf: (user) => [user.id],
      });
    },
  };
}
