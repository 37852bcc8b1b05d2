import { randomUUID } from 'node:crypto';
import { type ProgramBundle, ProgramManifestSchema } from '@ddt/program';
import type { FileRecord, Page, Store } from '@ddt/store';
import { Value } from '@sinclair/typebox/value';
import type { AuditLog } from '../audit/audit-log.js';
import { errors } from '../errors/app-error.js';
import type { AccessScope } from '../scope/access-scope.js';
import type { BundleProblem } from './check-bundle.js';
import type { ProgramCatalog, Publisher } from './program-catalog.js';

/** Drafts are the uploading office's: its file-area owner key. */
export const draftOwnerOf = (scope: AccessScope) => `program-drafts:${scope.requireOffice().id}`;

/** What an upload sends: program.json's content, the BPMN text and the Form.io forms by id. */
export interface BundleUpload {
  manifest: unknown;
  bpmn: string;
  forms: Record<string, Record<string, unknown>>;
}

export interface DraftSummary {
  id: string;
  key: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

/**
 * Uploaded program bundles waiting to be published. A draft is the uploaded artefact itself, kept as
 * one immutable file in the store's file area; each upload is a new draft, checked at once so the
 * designer can show the problems, and published (checked again) only on request. An office sees only
 * its own drafts.
 */
export class ProgramDrafts {
  constructor(
    private readonly store: Store,
    private readonly catalog: ProgramCatalog,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async upload(
    { actor, scope }: Publisher,
    upload: BundleUpload,
  ): Promise<{ draft: DraftSummary; problems: BundleProblem[] }> {
    const owner = draftOwnerOf(scope);
    const manifestErrors = [...Value.Errors(ProgramManifestSchema, upload.manifest)].slice(0, 50);
    if (manifestErrors.length > 0) {
      throw errors.manifestInvalid(
        manifestErrors.map((error) => ({ path: `program.json${error.path}`, message: error.message })),
      );
    }
    const bundle = upload as ProgramBundle;
    const problems = await this.catalog.check(bundle);
    const file = await this.store.putFile(
      {
        id: `pd_${randomUUID()}`,
        name: `${bundle.manifest.key}.bundle.json`,
        contentType: 'application/json',
        owner,
        createdBy: actor.user?.id ?? null,
        createdAt: this.now().toISOString(),
      },
      Buffer.from(JSON.stringify({ manifest: bundle.manifest, bpmn: bundle.bpmn, forms: bundle.forms })),
    );
    await this.audit.record(actor, {
      action: 'program.draft-uploaded',
      target: `program:${bundle.manifest.key}`,
      officePath: scope.requireOffice().path,
      detail: { draftId: file.file.id, problems: problems.length },
    });
    return { draft: summary(file.file), problems };
  }

  async list(scope: AccessScope, limit: number, cursor: string | undefined): Promise<Page<DraftSummary>> {
    const page = await this.store.findFiles({ owner: draftOwnerOf(scope), limit, cursor: cursor ?? null });
    return { items: page.items.map(summary), nextCursor: page.nextCursor };
  }

  async get(
    scope: AccessScope,
    id: string,
  ): Promise<{ draft: DraftSummary; bundle: ProgramBundle; problems: BundleProblem[] }> {
    const stored = await this.store.getFile(id);
    if (!stored || stored.file.owner !== draftOwnerOf(scope)) throw errors.draftNotFound();
    const bundle = JSON.parse(Buffer.from(stored.bytes).toString('utf8')) as ProgramBundle;
    return { draft: summary(stored.file), bundle, problems: await this.catalog.check(bundle) };
  }

  async publish(publisher: Publisher, id: string) {
    const { bundle } = await this.get(publisher.scope, id);
    return this.catalog.publish(bundle, publisher);
  }
}

function summary(file: FileRecord): DraftSummary {
  return {
    id: file.id,
    key: file.name.replace(/\.bundle\.json$/, ''),
    uploadedAt: file.createdAt,
    uploadedBy: file.createdBy,
  };
}
