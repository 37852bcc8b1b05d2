import { randomUUID } from 'node:crypto';
import type { School, Store, User } from '@ddt/store';
import { type Actor, type AuditLog, systemActor } from '../audit/audit-log.js';
import { hashPassword } from '../auth/password.js';
import { errors } from '../errors/app-error.js';
import type { AccessScope } from '../scope/access-scope.js';
import { planAssignmentImport } from './assignment-import.js';
import type { ImportContext } from './import-context.js';
import { planInspectorImport } from './inspector-import.js';
import { readTable } from './read-table.js';
import type { RowError } from './row-errors.js';
import { planSchoolImport } from './school-import.js';

export type ImportKind = 'schools' | 'inspectors' | 'assignments';

export interface ImportRequest {
  kind: ImportKind;
  /** The office the rows belong to; default the admin's own office. */
  officeId?: string | undefined;
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
}

export interface ImportReport {
  jobId: string | null;
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: RowError[];
  /** Passwords generated for new accounts without an initial password; shown this once. */
  generatedPasswords: { username: string; password: string }[];
}

/** The records an import writes, kept in the store's file area until the import has completed. */
interface StagedImport {
  kind: ImportKind;
  officeId: string;
  officePath: string;
  schools: School[];
  users: User[];
}

const JOB_OWNER = 'import-jobs';
const RESUME_WINDOW_MS = 30 * 24 * 3600 * 1000;

/**
 * CSV/XLSX imports of schools, inspectors and 挂牌 assignments, all or nothing.
 *
 * Every row is checked first; one bad row refuses the whole file and nothing is written (a dry run
 * reports the same errors without writing). A good file is then staged: the exact records to write are
 * stored as one file in the store's file area and an `import.started` event names it. The records are
 * written one by one — each an idempotent upsert keyed by the school code or the account — and an
 * `import.completed` event closes the job. A crash half-way leaves a started job without its completion;
 * `resumeUnfinished()` (run at every start, before the server listens) writes the staged records again
 * and completes it, so an import ends up fully applied, never half. Rolling forward is chosen over
 * staging-then-swapping because the store writes one record atomically, never several.
 */
export class ImportService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async run(scope: AccessScope, actor: Actor, request: ImportRequest): Promise<ImportReport> {
    const own = scope.requireOffice();
    const office = request.officeId ? await this.store.getOffice(request.officeId) : own;
    if (!office || !scope.coversPath(office.path)) throw errors.officeNotFound();
    const table = await readTable(request.bytes, request.fileName);
    const ctx: ImportContext = { store: this.store, scope, office };
    const report: ImportReport = {
      jobId: null,
      kind: request.kind,
      dryRun: request.dryRun,
      rows: table.rows.length,
      created: 0,
      updated: 0,
      errors: [],
      generatedPasswords: [],
    };

    let schools: School[] = [];
    const users: User[] = [];
    if (request.kind === 'inspectors') {
      const plan = await planInspectorImport(ctx, table, this.now());
      report.errors = plan.errors;
      report.updated = plan.updated;
      report.created = plan.drafts.length - plan.updated;
      if (plan.errors.length === 0 && !request.dryRun) {
        for (const draft of plan.drafts) {
          const passwordHash = draft.password ? await hashPassword(draft.password) : draft.user.passwordHash;
          users.push({ ...draft.user, passwordHash: passwordHash ?? '' });
          if (draft.generated && draft.password)
            report.generatedPasswords.push({ username: draft.user.username, password: draft.password });
        }
      }
    } else {
      const plan =
        request.kind === 'schools'
          ? await planSchoolImport(ctx, table)
          : await planAssignmentImport(ctx, table);
      report.errors = plan.errors;
      report.updated = plan.updated;
      report.created = plan.records.length - plan.updated;
      schools = plan.records;
    }
    if (report.errors.length > 0) {
      if (request.dryRun) return report;
      throw errors.importInvalid(
        report.errors.map((error) => ({ path: `第${error.row}行/${error.column}`, ...error })),
      );
    }
    if (request.dryRun) return report;

    const jobId = `imp_${randomUUID()}`;
    const staged: StagedImport = {
      kind: request.kind,
      officeId: office.id,
      officePath: office.path,
      schools,
      users,
    };
    await this.store.putFile(
      {
        id: jobId,
        name: `${request.kind}-import.json`,
        contentType: 'application/json',
        owner: JOB_OWNER,
        createdBy: actor.user?.id ?? null,
        createdAt: this.now().toISOString(),
      },
      Buffer.from(JSON.stringify(staged)),
    );
    await this.audit.record(actor, {
      action: 'import.started',
      target: `import:${jobId}`,
      officePath: office.path,
      detail: { kind: request.kind, fileName: request.fileName.slice(0, 255), rows: report.rows },
    });
    await this.#apply(actor, jobId, staged, false);
    return { ...report, jobId };
  }

  /** Completes every import that started but did not complete (the server stopped half-way). */
  async resumeUnfinished(): Promise<string[]> {
    const resumed: string[] = [];
    let cursor: string | null = null;
    const from = new Date(this.now().getTime() - RESUME_WINDOW_MS).toISOString();
    do {
      const page = await this.store.findAudit({ action: 'import.started', from, limit: 100, cursor });
      for (const event of page.items) {
        const jobId = event.target.slice('import:'.length);
        if (await this.#completed(jobId)) continue;
        const file = await this.store.getFile(jobId);
        if (!file) continue;
        const staged = JSON.parse(Buffer.from(file.bytes).toString('utf8')) as StagedImport;
        await this.#apply(systemActor, jobId, staged, true);
        resumed.push(jobId);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return resumed;
  }

  async status(scope: AccessScope, jobId: string) {
    scope.requireOffice();
    const started = (
      await this.store.findAudit({ target: `import:${jobId}`, action: 'import.started', limit: 1 })
    ).items[0];
    const officePath = typeof started?.detail.officePath === 'string' ? started.detail.officePath : null;
    if (!started || !officePath || !scope.coversPath(officePath)) throw errors.importNotFound();
    const completed = await this.#completed(jobId);
    return {
      jobId,
      kind: String(started.detail.kind) as ImportKind,
      rows: Number(started.detail.rows ?? 0),
      startedAt: started.at,
      completedAt: completed?.at ?? null,
      status: completed ? ('completed' as const) : ('unfinished' as const),
    };
  }

  async #apply(actor: Actor, jobId: string, staged: StagedImport, resumed: boolean): Promise<void> {
    for (const school of staged.schools) await this.store.putSchool(school);
    for (const user of staged.users) await this.store.putUser(user);
    await this.audit.record(actor, {
      action: 'import.completed',
      target: `import:${jobId}`,
      officePath: staged.officePath,
      detail: {
        kind: staged.kind,
        resumed,
        schoolIds: staged.schools.map((school) => school.id),
        userIds: staged.users.map((user) => user.id),
      },
    });
  }

  async #completed(jobId: string) {
    const page = await this.store.findAudit({
      target: `import:${jobId}`,
      action: 'import.completed',
      limit: 1,
    });
    return page.items[0] ?? null;
  }
}
