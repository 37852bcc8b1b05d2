import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { checkFile, type FileRef, fileComponents } from '@ddt/forms';
import type { FileRecord, Instance, Store, TaskView } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { errors } from '../errors/app-error.js';
import type { ProgramCatalog } from '../programs/program-catalog.js';
import type { AccessScope } from '../scope/access-scope.js';

export interface UploadRequest {
  task: TaskView;
  /** The file component's key (or its path without row indexes, `rooms.photos`). */
  component: string;
  fileName: string;
  contentType: string;
  stream: Readable;
}

/** How many files one component of one task may hold on the server: its limit, with room for replacements. */
const UPLOAD_FACTOR = 3;

/**
 * Evidence (印证材料) files. A file is uploaded for one open task and one file component of its form,
 * checked against that component's limits (size, type; count at submission), stored through the
 * store's file area with its SHA-256, and owned by `task:<taskId>#<componentKey>`. A submission may
 * reference the files of its task (and of the same step's earlier rounds, after a 退回); only those who
 * may see the instance can download them, and office users' downloads are audited.
 */
export class EvidenceFiles {
  constructor(
    private readonly store: Store,
    private readonly catalog: ProgramCatalog,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async upload(actor: Actor, request: UploadRequest): Promise<FileRecord> {
    const { task } = request;
    const program = await this.store.getProgramVersion(task.programKey, task.programVersion);
    const form = program && task.formId ? this.catalog.formFor(program, task.formId) : null;
    const component = form
      ? fileComponents(form).find(
          (entry) => entry.componentKey === request.component || entry.path === request.component,
        )
      : undefined;
    if (!component) {
      request.stream.resume();
      throw errors.fileComponent();
    }
    const { limits } = component;
    const owner = ownerOf(task.id, component.componentKey);
    const existing = await this.store.findFiles({ owner, limit: 1000 });
    if (existing.items.length >= limits.maxCount * UPLOAD_FACTOR) {
      request.stream.resume();
      throw errors.fileLimit();
    }
    const bytes = await readLimited(request.stream, limits.maxSize);
    if (!bytes) throw errors.fileTooLarge(formatBytes(limits.maxSize));
    const name = cleanFileName(request.fileName);
    const problem = checkFile(limits, { name, size: bytes.length, type: request.contentType });
    if (problem === 'size')
      throw bytes.length < limits.minSize
        ? errors.fileTooSmall()
        : errors.fileTooLarge(formatBytes(limits.maxSize));
    if (problem === 'type') throw errors.fileType(limits.extensions.join('、'));
    const { file } = await this.store.putFile(
      {
        id: `f_${randomUUID()}`,
        name,
        contentType: request.contentType || 'application/octet-stream',
        owner,
        createdBy: actor.user?.id ?? null,
        createdAt: this.now().toISOString(),
      },
      bytes,
    );
    await this.audit.record(actor, {
      action: 'file.uploaded',
      target: `task:${task.id}`,
      officePath: task.officePath,
      detail: {
        fileId: file.id,
        name: file.name,
        size: file.size,
        sha256: file.sha256,
        component: component.componentKey,
      },
    });
    return file;
  }

  /** A file with its bytes, for a user who may see the instance it was uploaded for. */
  async download(scope: AccessScope, actor: Actor, id: string) {
    const record = await this.store.getFileRecord(id);
    const taskId = record ? taskIdOf(record) : null;
    const instanceId = taskId ? taskId.slice(0, Math.max(0, taskId.lastIndexOf(':'))) : null;
    const instance = instanceId ? await this.store.getInstance(instanceId) : null;
    if (!record || !instance) throw errors.fileNotFound();
    const ownUpload = record.createdBy === scope.user.id;
    if (!ownUpload && !(await scope.seesInstance(instance))) throw errors.fileNotFound();
    const stored = await this.store.getFile(id);
    if (!stored) throw errors.fileNotFound();
    if (scope.role === 'office') {
      await this.audit.record(actor, {
        action: 'file.read',
        target: `file:${id}`,
        officePath: instance.officePath,
        detail: { taskId, schoolId: instance.schoolId, name: record.name },
      });
    }
    return stored;
  }

  /**
   * The files a submission of this task may reference, as the forms package's file references (the
   * server's record is the truth about name, size, type and hash): the task's own uploads and those of
   * earlier rounds of the same step in the instance.
   */
  async referencesFor(task: TaskView, instance: Instance): Promise<Map<string, FileRef>> {
    const program = await this.store.getProgramVersion(task.programKey, task.programVersion);
    const form = program && task.formId ? this.catalog.formFor(program, task.formId) : null;
    const references = new Map<string, FileRef>();
    if (!form) return references;
    const taskIds = [
      task.id,
      ...(instance.history ?? [])
        .filter((entry) => entry.elementId === task.elementId)
        .map((entry) => entry.taskId),
    ];
    for (const { componentKey } of fileComponents(form)) {
      for (const taskId of taskIds) {
        let cursor: string | null = null;
        do {
          const page = await this.store.findFiles({
            owner: ownerOf(taskId, componentKey),
            limit: 1000,
            cursor,
          });
          for (const file of page.items) {
            references.set(file.id, {
              id: file.id,
              name: file.name,
              size: file.size,
              type: file.contentType,
              hash: `sha256:${file.sha256}`,
            });
          }
          cursor = page.nextCursor;
        } while (cursor);
      }
    }
    return references;
  }
}

function ownerOf(taskId: string, componentKey: string): string {
  return `task:${taskId}#${componentKey}`;
}

function taskIdOf(record: FileRecord): string | null {
  const owner = record.owner ?? '';
  if (!owner.startsWith('task:')) return null;
  const hash = owner.lastIndexOf('#');
  return hash > 5 ? owner.slice(5, hash) : null;
}

/** The whole stream, or null as soon as it exceeds `maxBytes` (the rest is drained, not kept). */
async function readLimited(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of stream) {
    if (tooLarge) continue;
    size += (chunk as Buffer).length;
    if (size > maxBytes) tooLarge = true;
    else chunks.push(chunk as Buffer);
  }
  return tooLarge ? null : Buffer.concat(chunks);
}

/** Control characters (C0 and DEL), never kept in a stored file name. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** The file's own name without any folder part or control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const cleaned = basename(name.replaceAll('\\', '/')).replace(CONTROL_CHARACTERS, '').trim();
  return (cleaned || 'file').slice(-255);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}
