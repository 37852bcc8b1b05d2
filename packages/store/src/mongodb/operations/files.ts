import { ObjectId } from 'mongodb';
import { FindFilesArgsSchema } from '../../contract/queries.js';
import { type FileRecord, Id, NewFileSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { StoreError } from '../../errors.js';
import { fileRecordOf } from '../../files/file-record.js';
import { assertValid } from '../../validation/assert-valid.js';
import { CODECS } from '../codecs.js';
import type { MongoContext, StoredDoc } from '../context.js';
import { findPage } from '../find-page.js';
import { isDuplicateKey } from '../translate-error.js';

type FileOps = Pick<Store, 'putFile' | 'getFile' | 'getFileRecord' | 'findFiles'>;

/**
 * Bytes go to GridFS under a fresh ObjectId first; the metadata document (`_id` = file id, `blobId`)
 * is inserted after, and only that insert decides who owns the id. A writer that loses the race deletes
 * its own blob, so two concurrent uploads can never mix their chunks.
 */
export function fileOps(ctx: MongoContext): FileOps {
  const files = ctx.collection('files');
  const recordOf = (doc: StoredDoc): FileRecord => {
    const { blobId: _blob, ...rest } = doc;
    return CODECS.files.fromDoc(rest as StoredDoc);
  };
  const sameOrDuplicate = (stored: FileRecord, record: FileRecord) => {
    if (stored.sha256 !== record.sha256) {
      throw new StoreError('STORE_ERR_DUPLICATE', `文件编号已被其他内容占用：${record.id}`, {
        id: record.id,
      });
    }
    return { created: false, file: stored };
  };
  return {
    async putFile(file, bytes) {
      assertValid(NewFileSchema, file, '文件');
      if (Object.prototype.toString.call(bytes) !== '[object Uint8Array]') {
        throw new StoreError('STORE_ERR_INVALID', '文件内容必须是字节数组', { what: '文件', path: '/bytes' });
      }
      const record = fileRecordOf(file, bytes);
      const existing = await files.findOne({ _id: file.id });
      if (existing) return sameOrDuplicate(recordOf(existing), record);

      const blobId = new ObjectId();
      await new Promise<void>((done, fail) => {
        const upload = ctx.bucket.openUploadStreamWithId(blobId, file.name, {
          metadata: { fileId: file.id },
        });
        upload.once('finish', () => done());
        upload.once('error', fail);
        upload.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      });
      try {
        await files.insertOne({ ...CODECS.files.toDoc(record), blobId });
        return { created: true, file: record };
      } catch (error) {
        await ctx.bucket.delete(blobId).catch(() => undefined);
        if (!isDuplicateKey(error)) throw error;
        const winner = await files.findOne({ _id: file.id });
        if (!winner) throw error;
        return sameOrDuplicate(recordOf(winner), record);
      }
    },
    async getFile(id) {
      assertValid(Id, id, '文件编号');
      const doc = await files.findOne({ _id: id });
      if (!doc) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of ctx.bucket.openDownloadStream(doc.blobId as ObjectId))
        chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      return { file: recordOf(doc), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    },
    async getFileRecord(id) {
      assertValid(Id, id, '文件编号');
      const doc = await files.findOne({ _id: id });
      return doc ? recordOf(doc) : null;
    },
    async findFiles(args) {
      assertValid(FindFilesArgsSchema, args, '文件查询');
      return findPage(files, {
        filter: { owner: args.owner },
        sort: ['createdAt', '_id'],
        limit: args.limit,
        cursor: args.cursor,
        decode: recordOf,
        keyOf: (file) => [file.createdAt, file.id],
      });
    },
  };
}
