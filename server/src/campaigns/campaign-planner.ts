import type { ProgramManifest } from '@ddt/program';
import type { FindSchoolsArgs, Office, ProgramVersion, School, SchoolType, Store } from '@ddt/store';
import { errors } from '../errors/app-error.js';
import type { AccessScope } from '../scope/access-scope.js';
import { type AssignmentReport, assignInspectors } from './inspector-assignment.js';
import { resolveLaunchParams } from './launch-params.js';

/** Which schools a campaign goes to. Filters combine with AND. */
export interface TargetFilter {
  /** The subtree to draw from; default the caller's office. */
  officeId?: string | undefined;
  districtIds?: string[] | undefined;
  schoolTypes?: SchoolType[] | undefined;
  ownership?: School['ownership'] | undefined;
  /** An explicit list; every id must be a school of the subtree that matches the other filters. */
  schoolIds?: string[] | undefined;
}

export interface LaunchRequest {
  programKey: string;
  /** A published version; default the latest active one. */
  version?: number | undefined;
  title: string;
  semester?: string | undefined;
  deadline?: string | undefined;
  params?: Record<string, unknown> | undefined;
  targets: TargetFilter;
}

export interface CampaignPlan {
  program: ProgramVersion;
  manifest: ProgramManifest;
  office: Office;
  /** The target schools with their effective 责任督学 for this campaign. */
  schools: School[];
  /** Schools the filters matched but the program is not meant for (other school types). */
  excludedByType: number;
  params: Record<string, unknown>;
  deadline: string | null;
  assignments: AssignmentReport;
}

/**
 * Works out a launch without writing anything: the program version, the target schools, the checked
 * parameters and deadline, and the inspector of every school. The preview shows it; the launch runs it.
 */
export class CampaignPlanner {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async plan(scope: AccessScope, request: LaunchRequest): Promise<CampaignPlan> {
    const own = scope.requireOffice();
    const program = await this.#program(scope, request.programKey, request.version);
    const manifest = program.manifest as unknown as ProgramManifest;
    const { params, problems } = resolveLaunchParams(manifest, request.params ?? {});
    if (problems.length > 0) throw errors.invalidParams(problems);
    const deadline = this.#deadline(request.deadline);

    const office = request.targets.officeId ? await this.store.getOffice(request.targets.officeId) : own;
    if (!office || !scope.coversPath(office.path)) throw errors.officeNotFound();
    const { schools, excludedByType } = await this.#targets(office, request.targets, manifest);
    const { schools: assigned, report } = await assignInspectors(this.store, schools);
    return {
      program,
      manifest,
      office,
      schools: assigned,
      excludedByType,
      params: request.semester ? { ...params, semester: request.semester } : params,
      deadline,
      assignments: report,
    };
  }

  /** The version to launch; another owner's program is "not found" (see ProgramCatalog). */
  async #program(scope: AccessScope, key: string, version: number | undefined): Promise<ProgramVersion> {
    if (version === undefined) {
      const latest = await this.store.getLatestProgramVersion(key);
      if (!latest || !(await scope.seesProgram(latest))) throw errors.programNotFound(key);
      return latest;
    }
    const program = await this.store.getProgramVersion(key, version);
    if (!program || !(await scope.seesProgram(program))) throw errors.programNotFound(key);
    if (program.status === 'retired') throw errors.programRetired();
    return program;
  }

  #deadline(deadline: string | undefined): string | null {
    if (deadline === undefined) return null;
    const at = new Date(deadline);
    if (Number.isNaN(at.getTime()) || at.getTime() <= this.now().getTime()) throw errors.deadlinePassed();
    return at.toISOString();
  }

  async #targets(office: Office, filter: TargetFilter, manifest: ProgramManifest) {
    const applicable = (school: School) => manifest.targetSchoolTypes.includes(school.type);
    const matches = (school: School) =>
      school.officePath.startsWith(office.path) &&
      (!filter.districtIds || filter.districtIds.includes(school.districtId)) &&
      (!filter.schoolTypes || filter.schoolTypes.includes(school.type)) &&
      (!filter.ownership || filter.ownership === school.ownership);

    if (filter.schoolIds) {
      const schools: School[] = [];
      const rejected: string[] = [];
      for (const id of new Set(filter.schoolIds)) {
        const school = await this.store.getSchool(id);
        if (school && matches(school) && applicable(school)) schools.push(school);
        else rejected.push(id);
      }
      // A school outside the subtree is reported like an unknown one: nothing about it leaks.
      if (rejected.length > 0 || schools.length === 0) throw errors.invalidTargets({ rejected });
      return { schools, excludedByType: 0 };
    }

    const base: FindSchoolsArgs = { officePathPrefix: office.path, limit: 1000 };
    if (filter.schoolTypes) base.types = filter.schoolTypes;
    if (filter.ownership) base.ownership = filter.ownership;
    const schools: School[] = [];
    let excludedByType = 0;
    for (const districtId of filter.districtIds ?? [undefined]) {
      let cursor: string | null = null;
      do {
        const page = await this.store.findSchools({ ...base, ...(districtId ? { districtId } : {}), cursor });
        for (const school of page.items) {
          if (applicable(school)) schools.push(school);
          else excludedByType += 1;
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
    if (schools.length === 0) throw errors.invalidTargets({ rejected: [] });
    return { schools, excludedByType };
  }
}
