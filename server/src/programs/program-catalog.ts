import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type CompiledForm, compileForm } from '@ddt/forms';
import { loadProgramFolder, type ProgramBundle } from '@ddt/program';
import type { ProgramVersion, Store } from '@ddt/store';
import { type Actor, type AuditLog, systemActor } from '../audit/audit-log.js';
import { errors } from '../errors/app-error.js';
import type { AccessScope } from '../scope/access-scope.js';
import { type BundleProblem, checkBundle } from './check-bundle.js';

export interface FolderPublishResult {
  published: ProgramVersion[];
  /** Folders whose bundle did not pass the checks (or could not be read), with the reasons. */
  refused: { folder: string; problems: BundleProblem[] }[];
}

/** An office user publishing through the API; the platform (definitions/ at start) publishes as null. */
export interface Publisher {
  actor: Actor;
  scope: AccessScope;
}

/**
 * Published program versions: immutable once written (only their status changes, `active` ↔
 * `retired`). Publishing the same content again creates nothing; changed content becomes the next
 * version. Hands out each version's compiled forms.
 *
 * Ownership: the platform's programs (from `definitions/`) are everyone's and are versioned by the top
 * offices of the tree; a program first published by an office is that office's, used by the offices,
 * inspectors and schools below it and versioned by it and the offices above. A key belongs to one
 * owner, so an office adapts another's program by saving it under a new key.
 */
export class ProgramCatalog {
  readonly #forms = new Map<string, CompiledForm>();

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    /** The registered task handler types; empty means "not known here", and service tasks are not checked. */
    private readonly handlerTypes: () => string[] = () => [],
  ) {}

  check(bundle: ProgramBundle): Promise<BundleProblem[]> {
    const types = this.handlerTypes();
    return checkBundle(bundle, { handlerTypes: types.length > 0 ? types : undefined });
  }

  /** Checks and publishes a bundle as the next version of its program, or refuses with every problem found. */
  async publish(
    bundle: ProgramBundle,
    publisher: Publisher | null = null,
  ): Promise<{ version: ProgramVersion; created: boolean }> {
    const latest = await this.store.getLatestProgramVersion(bundle.manifest.key);
    // A key has one owner: the platform publishes only its own keys, an office only keys it manages.
    const mayPublish =
      !latest || (publisher ? publisher.scope.managesProgram(latest) : latest.ownerPath === undefined);
    if (!mayPublish) throw errors.programKeyTaken(bundle.manifest.key);
    // Content already published was checked when it was; a restart republishing it costs no lint.
    if (latest && sameContent(latest, bundle)) return { version: latest, created: false };
    const problems = (await this.check(bundle)).filter((problem) => problem.severity === 'error');
    if (problems.length > 0) throw errors.programInvalid(bundle.manifest.key, problems);
    const number = (await this.store.listProgramVersions(bundle.manifest.key)).reduce(
      (highest, version) => Math.max(highest, version.version),
      0,
    );
    const version: ProgramVersion = {
      id: `${bundle.manifest.key}@${number + 1}`,
      key: bundle.manifest.key,
      version: number + 1,
      name: bundle.manifest.name,
      manifest: bundle.manifest as unknown as Record<string, unknown>,
      bpmn: bundle.bpmn,
      forms: bundle.forms,
      status: 'active',
      publishedAt: this.now().toISOString(),
      publishedBy: publisher?.actor.user?.id ?? null,
    };
    const ownerPath = latest ? latest.ownerPath : publisher?.scope.office?.path;
    if (ownerPath) version.ownerPath = ownerPath;
    await this.store.createProgramVersion(version);
    await this.audit.record(publisher?.actor ?? systemActor, {
      action: 'program.published',
      target: `program:${version.key}`,
      officePath: ownerPath ?? null,
      detail: { version: version.version, name: version.name },
    });
    return { version, created: true };
  }

  /** Publishes every program folder (one holding a program.json) under `dir`; a refused folder does not stop the others. */
  async publishFolder(dir: string): Promise<FolderPublishResult> {
    const result: FolderPublishResult = { published: [], refused: [] };
    for (const name of (await readdir(dir)).sort()) {
      const folder = join(dir, name);
      if (!(await stat(folder)).isDirectory()) continue;
      if (!(await stat(join(folder, 'program.json')).catch(() => null))) continue;
      try {
        result.published.push((await this.publish(await loadProgramFolder(folder))).version);
      } catch (error) {
        const problems = (error as { extra?: { problems?: BundleProblem[] } }).extra?.problems ?? [
          {
            path: name,
            code: 'PROGRAM_ERR_FILE',
            elementId: null,
            message: (error as Error).message,
            severity: 'error' as const,
          },
        ];
        result.refused.push({ folder: name, problems });
      }
    }
    return result;
  }

  /** The latest active version of every program the user may see. */
  async available(scope: AccessScope): Promise<ProgramVersion[]> {
    const latest = new Map<string, ProgramVersion>();
    for (const version of await this.store.listProgramVersions()) {
      if (version.status !== 'active' || (latest.get(version.key)?.version ?? 0) > version.version) continue;
      latest.set(version.key, version);
    }
    const visible: ProgramVersion[] = [];
    for (const version of latest.values()) if (await scope.seesProgram(version)) visible.push(version);
    return visible.sort((a, b) => a.key.localeCompare(b.key));
  }

  /** Every version of a program the user may see; another owner's program is "not found". */
  async versions(scope: AccessScope, key: string): Promise<ProgramVersion[]> {
    const versions = await this.store.listProgramVersions(key);
    if (versions.length === 0 || !(await scope.seesProgram(versions[0]!))) throw errors.programNotFound(key);
    return versions;
  }

  async version(scope: AccessScope, key: string, number: number): Promise<ProgramVersion> {
    const version = await this.store.getProgramVersion(key, number);
    if (!version || !(await scope.seesProgram(version))) throw errors.programVersionNotFound();
    return version;
  }

  /** Retires a version (no new launches; running instances go on) or puts it back in service. */
  async setStatus(publisher: Publisher, key: string, number: number, status: ProgramVersion['status']) {
    const version = await this.version(publisher.scope, key, number);
    if (!publisher.scope.managesProgram(version)) throw errors.programNotManaged();
    const updated = await this.store.setProgramVersionStatus(key, number, status);
    await this.audit.record(publisher.actor, {
      action: status === 'retired' ? 'program.retired' : 'program.reactivated',
      target: `program:${key}`,
      officePath: version.ownerPath ?? null,
      detail: { version: number },
    });
    return updated;
  }

  /** The compiled form a task of this version uses, compiled once per version. */
  formFor(program: ProgramVersion, formId: string): CompiledForm | null {
    const cacheKey = `${program.id}:${formId}`;
    let compiled = this.#forms.get(cacheKey);
    if (!compiled) {
      const form = program.forms[formId];
      if (!form) return null;
      compiled = compileForm(form);
      this.#forms.set(cacheKey, compiled);
    }
    return compiled;
  }
}

function sameContent(version: ProgramVersion, bundle: ProgramBundle): boolean {
  return (
    version.bpmn === bundle.bpmn &&
    JSON.stringify(version.manifest) === JSON.stringify(bundle.manifest) &&
    JSON.stringify(version.forms) === JSON.stringify(bundle.forms)
  );
}
