import { randomUUID } from 'node:crypto';
import type { BulkLauncher } from '@ddt/engine';
import type { Campaign, Store } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { AccessScope } from '../scope/access-scope.js';
import type { CampaignPlanner, LaunchRequest } from './campaign-planner.js';
import type { AssignmentReport } from './inspector-assignment.js';

export interface LaunchResult {
  campaign: Campaign;
  launched: number;
  failed: number;
  assignments: AssignmentReport;
}

/**
 * Launches a program version to its target schools: one campaign record, then one instance per school
 * (and the campaign-scope instance, if the program has one) through the engine's bulk launcher. Instance
 * ids are derived from the campaign and the school, so re-running a launch never duplicates a school.
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
    await this.store.createCampaign(campaign);
    const result = await this.bulk.launch({
      program: plan.program,
      campaign,
      schools: plan.schools,
      params: plan.params,
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
        failed: result.failed,
        reassigned: plan.assignments.reassigned,
        unassigned: plan.assignments.unassigned.map((entry) => entry.schoolId),
      },
    });
    return { campaign: active, launched: result.done, failed: result.failed, assignments: plan.assignments };
  }
}
