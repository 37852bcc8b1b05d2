import { FindConflictsArgsSchema } from '../../contract/queries.js';
import { ConflictSchema, Id } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { assertValid } from '../../validation/assert-valid.js';
import { CODECS, conflictId } from '../codecs.js';
import type { MongoContext } from '../context.js';

type ConflictOps = Pick<Store, 'putConflict' | 'deleteConflict' | 'findConflicts' | 'hasConflict'>;

export function conflictOps(ctx: MongoContext): ConflictOps {
  const conflicts = ctx.collection('conflicts');
  return {
    async putConflict(conflict) {
      assertValid(ConflictSchema, conflict, '回避关系');
      const doc = CODECS.conflicts.toDoc(conflict);
      await conflicts.replaceOne({ _id: doc._id }, doc, { upsert: true });
    },
    async deleteConflict(inspectorId, schoolId) {
      assertValid(Id, inspectorId, '督学编号');
      assertValid(Id, schoolId, '学校编号');
      const result = await conflicts.deleteOne({ _id: conflictId(inspectorId, schoolId) });
      return result.deletedCount > 0;
    },
    async findConflicts(args) {
      assertValid(FindConflictsArgsSchema, args, '回避关系查询');
      const docs =
        'inspectorId' in args
          ? await conflicts
              .find({ inspectorId: args.inspectorId })
              .sort({ inspectorId: 1, schoolId: 1 })
              .toArray()
          : await conflicts.find({ schoolId: args.schoolId }).sort({ schoolId: 1, inspectorId: 1 }).toArray();
      return docs.map((doc) => CODECS.conflicts.fromDoc(doc));
    },
    async hasConflict(inspectorId, schoolId) {
      assertValid(Id, inspectorId, '督学编号');
      assertValid(Id, schoolId, '学校编号');
      return (await conflicts.countDocuments({ _id: conflictId(inspectorId, schoolId) }, { limit: 1 })) > 0;
    },
  };
}
