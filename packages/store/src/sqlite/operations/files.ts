import { FindFilesArgsSchema } from '../../contract/queries.js';
import { type FileRecord, Id, type NewFile, NewFileSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { StoreError } from '../../errors.js';
import { fileRecordOf } from '../../files/file-record.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';
import { selectPage } from '../select-page.js';

type FileOps = Pick<Store, 'putFile' | 'getFile' | 'getFileRecord' | 'findFiles'>;

export function fileOps(ctx: SqliteContext): FileOps {
  const getRecord = (id: string) =>
    docOf<FileRecord>(ctx.statement('SELECT doc FROM files WHERE id = ?').get(id));
  const put = (record: FileRecord, bytes: Uint8Array) => {
    const result = ctx
      .statement(
        `INSERT INTO files (id, owner, created_at, sha256, doc, bytes) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(record.id, record.owner, record.createdAt, record.sha256, JSON.stringify(record), bytes);
    if (result.changes === 1) return { created: true, file: record };
    const stored = getRecord(record.id)!;
    if (stored.sha256 !== record.sha256) {
      throw new StoreError('STORE_ERR_DUPLICATE', `文件编号已被其他内容占用：${record.id}`, {
        id: record.id,
      });
    }
    return { created: false, file: stored };
  };
  return {
    async putFile(file: NewFile, bytes: Uint8Array) {
      assertValid(NewFileSchema, file, '文件');
      // Not `instanceof`: a Buffer from another realm (a worker, a test sandbox) must pass too.
      if (Object.prototype.toString.call(bytes) !== '[object Uint8Array]') {
        throw new StoreError('STORE_ERR_INVALID', '文件内容必须是字节数组', { what: '文件', path: '/bytes' });
      }
      const blob = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const record = fileRecordOf(file, blob);
      return ctx.write(() => put(record, blob));
    },
    async getFile(id) {
      assertValid(Id, id, '文件编号');
      const row = ctx.statement('SELECT doc, bytes FROM files WHERE id = ?').get(id) as
        | { doc: string; bytes: Buffer }
        | undefined;
      if (!row) return null;
      const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
      return { file: JSON.parse(row.doc) as FileRecord, bytes };
    },
    async getFileRecord(id) {
      assertValid(Id, id, '文件编号');
      return getRecord(id);
    },
    async findFiles(args) {
      assertValid(FindFilesArgsSchema, args, '文件查询');
      return selectPage(ctx, {
        from: 'doc FROM files',
        where: [['owner = ?', args.owner]],
        orderBy: ['created_at', 'id'],
        limit: args.limit,
        cursor: args.cursor,
        parse: (row) => docOf<FileRecord>(row)!,
        keyOf: (file) => [file.createdAt, file.id],
      });
    },
  };
}
