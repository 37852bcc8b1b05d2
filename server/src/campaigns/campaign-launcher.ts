import { randomUUID } from 'node:crypto';
import type { BulkLauncher } from '@ddt/engine';
import type { Campaign, ProgramVersion, School, Store } from '@ddt/store';
import { type Actor, type AuditLog, systemActor } from '../audit/audit-log.js';
import type { AccessScope } from '../scope/access-scope.js';
import type { CampaignPlanner, LaunchRequest } from './campaign-planner.js';
import type { AssignmentReport } from './inspector-assignment.js';

export interface LaunchResult {
  campaign: Campaign;
  launched: number;
  failed: number;
  assignments: AssignmentReport;
}

/** What a launch needs to be run again after a crash: the schools with their inspectors for this campaign. */
interface StagedLaunch {
  schools: School[];
  assignments: AssignmentReport;
}

const STAGE_OWNER = 'campaign-launches';

/**
 * Launches a program version to its target schools: one campaign record, then one instance per school
 * (and the campaign-scope instance, if the program has one) through the engine's bulk launcher. Instance
 * ids are derived from the campaign and the school, so re-running a launch never duplicates a school.
 *
 * The resolved targets are staged in the store's file area before the campaign is written, and the
 * campaign stays `launching` until every instance exists. A server that stopped half-way finishes the
 * launch at its next start (`resumeUnfinished`), so a campaign never stays half launched.
 */
export class CampaignLauncher {
  constructor(
    private readonly store: Store,
    private readonly planner: CampaignPlanner,
    private readonly bulk: BulkLauncher,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async launch(scope: AccessScope, actor: Actor, request: LaunchRequest): Promise<LaunchResult> {
    const plan = await this.planner.plan(scope, request);
    const campaign: Campaign = {
      id: `c_${randomUUID()}`,
      programKey: plan.program.key,
      programVersion: plan.program.version,
      title: request.title,
      officeId: plan.office.id,
      officePath: plan.office.path,
      params: plan.params,
      deadline: plan.deadline,
      status: 'launching',
      targetCount: plan.schools.length,
      createdBy: scope.user.id,
      createdAt: this.now().toISOString(),
    };
    const staged: StagedLaunch = { schools: plan.schools, assignments: plan.assignments };
    await this.store.putFile(
      {
        id: stageIdOf(campaign.id),
        name: `${campaign.id}.targets.json`,
        contentType: 'application/json',
        owner: STAGE_OWNER,
        createdBy: campaign.createdBy,
        createdAt: campaign.createdAt,
      },
      Buffer.from(JSON.stringify(staged)),
    );
    await this.store.createCampaign(campaign);
    return this.#run(actor, campaign, plan.program, staged);
  }

  /** Finishes every launch a stopped server left `launching`; returns the campaign ids. */
  async resumeUnfinished(): Promise<string[]> {
    const resumed: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.store.findCampaigns({ status: 'launching', limit: 100, cursor });
      for (const campaign of page.items) {
        const file = await this.store.getFile(stageIdOf(campaign.id));
        const program = await this.store.getProgramVersion(campaign.programKey, campaign.programVersion);
        if (!file || !program) continue;
        const staged = JSON.parse(Buffer.from(file.bytes).toString('utf8')) as StagedLaunch;
        await this.#run(systemActor, campaign, program, staged);
        resumed.push(campaign.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return resumed;
  }

  async #run(
    actor: Actor,
    campaign: Campaign,
    program: ProgramVersion,
    staged: StagedLaunch,
  ): Promise<LaunchResult> {
    const result = await this.bulk.launch({
      program,
      campaign,
      schools: staged.schools,
      params: campaign.params,
    });
    const active: Campaign = { ...campaign, status: 'active' };
    await this.store.updateCampaign(active);
    await this.audit.record(actor, {
      action: 'campaign.launched',
      target: `campaign:${campaign.id}`,
      officePath: campaign.officePath,
      detail: {
        programKey: campaign.programKey,
        programVersion: campaign.programVersion,
        title: campaign.title,
        targetCount: campaign.targetCount,
        created: result.created,
        resumed: result.existing > 0,
        failed: result.failures.map((failure) => ({ schoolId: failure.schoolId, code: failure.code })),
        reassigned: staged.assignments.reassigned,
        unassigned: staged.assignments.unassigned.map((entry) => entry.schoolId),
      },
    });
    return {
      campaign: active,
      launched: result.done,
      failed: result.failed,
      assignments: staged.assignments,
    };
  }
}

function stageIdOf(campaignId: string): string {
  return `cl_${campaignId}`;
}
