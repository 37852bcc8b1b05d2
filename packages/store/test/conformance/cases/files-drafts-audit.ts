import { createHash } from 'node:crypto';
import type { NewFile } from '../../../src/index.js';
import { at, auditEvent, TRICKY_TEXT } from '../fixtures.js';
import { type ConformanceTarget, errorCodeOf } from '../target.js';

const newFile = (id: string, over: Partial<NewFile> = {}): NewFile => ({
  id,
  name: '整改报告（盖章版）.pdf',
  contentType: 'application/pdf',
  owner: 'task:i1:e1',
  createdBy: 'u1',
  createdAt: at(1),
  ...over,
});
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function fileDraftAuditCases(target: () => ConformanceTarget): void {
  describe('files', () => {
    it('stores bytes with their size and SHA-256 and returns them unchanged', async () => {
      const { store } = target();
      const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) % 251);
      const put = await store.putFile(newFile('f1', { name: TRICKY_TEXT }), bytes);
      expect(put).toEqual({
        created: true,
        file: { ...newFile('f1', { name: TRICKY_TEXT }), size: bytes.byteLength, sha256: sha256(bytes) },
      });
      const got = await store.getFile('f1');
      expect(got?.file).toEqual(put.file);
      expect(Buffer.from(got!.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(await store.getFileRecord('f1')).toEqual(put.file);
      expect(await store.getFile('f404')).toBeNull();
    });

    it('stores an empty file', async () => {
      const { store } = target();
      await store.putFile(newFile('empty'), new Uint8Array(0));
      const got = await store.getFile('empty');
      expect(got?.file.size).toBe(0);
      expect(got?.bytes.byteLength).toBe(0);
    });

    it('accepts the same file twice by id, but not other bytes under that id', async () => {
      const { store } = target();
      const bytes = Buffer.from('第一版', 'utf8');
      await store.putFile(newFile('f1'), bytes);
      const again = await store.putFile(
        newFile('f1', { name: 'renamed.pdf' }),
        Buffer.from('第一版', 'utf8'),
      );
      expect(again.created).toBe(false);
      expect(again.file.name).toBe('整改报告（盖章版）.pdf');
      expect(await errorCodeOf(() => store.putFile(newFile('f1'), Buffer.from('第二版', 'utf8')))).toBe(
        'STORE_ERR_DUPLICATE',
      );
      expect(Buffer.from((await store.getFile('f1'))!.bytes).toString('utf8')).toBe('第一版');
    });

    it('lists the files of one owner in creation order and refuses bad input', async () => {
      const { store } = target();
      await store.putFile(newFile('f2', { createdAt: at(2) }), Buffer.from('b'));
      await store.putFile(newFile('f1', { createdAt: at(1) }), Buffer.from('a'));
      await store.putFile(newFile('f3', { owner: 'task:other' }), Buffer.from('c'));
      const page = await store.findFiles({ limit: 1, owner: 'task:i1:e1' });
      expect(page.items.map((f) => f.id)).toEqual(['f1']);
      const next = await store.findFiles({ limit: 1, owner: 'task:i1:e1', cursor: page.nextCursor });
      expect(next.items.map((f) => f.id)).toEqual(['f2']);
      expect(await errorCodeOf(() => store.putFile(newFile('f9'), 'text' as never))).toBe(
        'STORE_ERR_INVALID',
      );
      expect(
        await errorCodeOf(() => store.putFile({ ...newFile('f9'), size: 3 } as never, Buffer.from('x'))),
      ).toBe('STORE_ERR_INVALID');
      expect(await store.getFileRecord('f9')).toBeNull();
    });
  });

  describe('drafts', () => {
    it('keeps the last draft of a task and forgets it when deleted', async () => {
      const { store } = target();
      const draft = (n: number) => ({
        taskId: 'i1:e1',
        instanceId: 'i1',
        data: { 进度: n },
        savedBy: 'u1',
        savedAt: at(n),
      });
      await store.putDraft(draft(1));
      await store.putDraft(draft(2));
      expect(await store.getDraft('i1:e1')).toEqual(draft(2));
      expect(await store.deleteDraft('i1:e1')).toBe(true);
      expect(await store.deleteDraft('i1:e1')).toBe(false);
      expect(await store.getDraft('i1:e1')).toBeNull();
      expect(await errorCodeOf(() => store.putDraft({ ...draft(3), data: [] } as never))).toBe(
        'STORE_ERR_INVALID',
      );
    });
  });

  describe('audit', () => {
    it('finds events newest first by actor, target, action and time range, paged', async () => {
      const { store } = target();
      await store.appendAudit(
        auditEvent('e1', { at: at(1), actorId: 'u1', action: 'login', target: 'user:u1' }),
      );
      await store.appendAudit(auditEvent('e2', { at: at(2), actorId: 'u2', action: 'task.completed' }));
      await store.appendAudit(auditEvent('e3', { at: at(3), actorId: 'u1', action: 'task.completed' }));
      await store.appendAudit(
        auditEvent('e4', { at: at(3), actorId: null, action: 'timer.fired', target: 'instance:i1' }),
      );
      const ids = async (args: Parameters<typeof store.findAudit>[0]) =>
        (await store.findAudit(args)).items.map((e) => e.id);
      expect(await ids({ limit: 10 })).toEqual(['e4', 'e3', 'e2', 'e1']);
      expect(await ids({ limit: 10, actorId: 'u1' })).toEqual(['e3', 'e1']);
      expect(await ids({ limit: 10, action: 'task.completed' })).toEqual(['e3', 'e2']);
      expect(await ids({ limit: 10, target: 'instance:i1' })).toEqual(['e4']);
      expect(await ids({ limit: 10, from: at(2), to: at(3) })).toEqual(['e2']);
      const first = await store.findAudit({ limit: 3 });
      expect(await ids({ limit: 3, cursor: first.nextCursor })).toEqual(['e1']);
    });

    it('offers no way to change or delete an event', () => {
      const { store } = target();
      const auditMethods = Object.keys(store).filter((key) => /audit/i.test(key));
      expect(auditMethods.sort()).toEqual(['appendAudit', 'findAudit']);
    });
  });

  describe('migrations', () => {
    it('records the migrations it applied, in order, once', async () => {
      const { store } = target();
      const applied = await store.listMigrations();
      expect(applied.length).toBeGreaterThan(0);
      expect(applied.map((m) => m.version)).toEqual(applied.map((_, i) => i + 1));
      await store.init();
      expect(await store.listMigrations()).toEqual(applied);
    });
  });
}
