import { FindConflictsArgsSchema } from '../../contract/queries.js';
import { type Conflict, ConflictSchema, Id } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';

type ConflictOps = Pick<Store, 'putConflict' | 'deleteConflict' | 'findConflicts' | 'hasConflict'>;

export function conflictOps(ctx: SqliteContext): ConflictOps {
  return {
    async putConflict(conflict) {
      assertValid(ConflictSchema, conflict, '回避关系');
      await ctx.write(() =>
        ctx
          .statement(
            `INSERT INTO conflicts (inspector_id, school_id, doc) VALUES (?, ?, ?)
             ON CONFLICT (inspector_id, school_id) DO UPDATE SET doc = excluded.doc`,
          )
          .run(conflict.inspectorId, conflict.schoolId, JSON.stringify(conflict)),
      );
    },
    async deleteConflict(inspectorId, schoolId) {
      assertValid(Id, inspectorId, '督学编号');
      assertValid(Id, schoolId, '学校编号');
      const result = await ctx.write(() =>
        ctx
          .statement('DELETE FROM conflicts WHERE inspector_id = ? AND school_id = ?')
          .run(inspectorId, schoolId),
      );
      return result.changes > 0;
    },
    async findConflicts(args) {
      assertValid(FindConflictsArgsSchema, args, '回避关系查询');
      const rows =
        'inspectorId' in args
          ? ctx
              .statement('SELECT doc FROM conflicts WHERE inspector_id = ? ORDER BY school_id')
              .all(args.inspectorId)
          : ctx
              .statement('SELECT doc FROM conflicts WHERE school_id = ? ORDER BY inspector_id')
              .all(args.schoolId);
      return rows.map((row) => docOf<Conflict>(row)!);
    },
    async hasConflict(inspectorId, schoolId) {
      assertValid(Id, inspectorId, '督学编号');
      assertValid(Id, schoolId, '学校编号');
      return (
        ctx
          .statement('SELECT 1 FROM conflicts WHERE inspector_id = ? AND school_id = ?')
          .get(inspectorId, schoolId) !== undefined
      );
    },
  };
}
