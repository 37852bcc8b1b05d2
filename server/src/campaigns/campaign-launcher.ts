import { randomUUID } from 'node:crypto';
import type { WorkflowRuntime } from '@ddt/engine';
import type { ProgramManifest } from '@ddt/program';
import type { Campaign, School, Store, User } from '@ddt/store';
import { errors } from '../errors/app-error.js';

export interface LaunchArgs {
  programKey: string;
  title: string;
  schoolIds: string[];
  deadline: string | null;
  params: Record<string, unknown>;
  actor: User;
}

/**
 * Launches a program version to schools: one campaign record, then one instance per school. Instance ids
 * are derived from the campaign and the school, so re-running a launch never duplicates a school.
 */
export class CampaignLauncher {
  constructor(
    private readonly store: Store,
    private readonly runtime: WorkflowRuntime,
    private readonly now: () => Date,
  ) {}

  async launch(args: LaunchArgs): Promise<{ campaign: Campaign; launched: number }> {
    const program = await this.store.getLatestProgramVersion(args.programKey);
    if (!program) throw errors.programNotFound(args.programKey);
    const office = args.actor.officeId ? await this.store.getOffice(args.actor.officeId) : null;
    if (!office) throw errors.forbidden();
    const manifest = program.manifest as unknown as ProgramManifest;
    const schools = await this.#targets(args.schoolIds, office.path, manifest);

    const params = { ...defaultParams(manifest), ...args.params };
    const campaign: Campaign = {
      id: `c_${randomUUID()}`,
      programKey: program.key,
      programVersion: program.version,
      title: args.title,
      officeId: office.id,
      officePath: office.path,
      params,
      deadline: args.deadline,
      status: 'launching',
      targetCount: schools.length,
      createdBy: args.actor.id,
      createdAt: this.now().toISOString(),
    };
    await this.store.createCampaign(campaign);
    for (const school of schools) {
      await this.runtime.startInstance({
        instanceId: `${campaign.id}:${school.id}`,
        program,
        campaign,
        school,
        params,
      });
    }
    const active: Campaign = { ...campaign, status: 'active' };
    await this.store.updateCampaign(active);
    return { campaign: active, launched: schools.length };
  }

  async #targets(schoolIds: string[], officePath: string, manifest: ProgramManifest): Promise<School[]> {
    const unique = [...new Set(schoolIds)];
    const schools: School[] = [];
    const rejected: string[] = [];
    for (const id of unique) {
      const school = await this.store.getSchool(id);
      if (school?.officePath.startsWith(officePath) && manifest.targetSchoolTypes.includes(school.type)) {
        schools.push(school);
      } else {
        rejected.push(id);
      }
    }
    // A school outside the office's subtree is reported like an unknown one: nothing about it leaks.
    if (rejected.length > 0 || schools.length === 0) throw errors.invalidTargets({ rejected });
    return schools;
  }
}

function defaultParams(manifest: ProgramManifest): Record<string, unknown> {
  return Object.fromEntries(manifest.parameters.map((parameter) => [parameter.key, parameter.default]));
}
