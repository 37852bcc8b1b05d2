import type {
  Campaign,
  InstanceSummary,
  Page,
  ProgressDimension,
  ProgressRow,
  Store,
  TaskView,
} from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { errors } from '../errors/app-error.js';
import type { NotificationService } from '../notifications/notification-service.js';
import type { AccessScope } from '../scope/access-scope.js';

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

const CANCEL_ATTEMPTS = 5;

/**
 * What an office watches and does while a campaign runs: progress counts, the overdue list, the
 * 未提交名单 (schools whose first task is still open), reminders, and cancelling. A campaign is visible
 * to the office that launched it and the offices above it.
 */
export class CampaignMonitor {
  constructor(
    private readonly store: Store,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async get(scope: AccessScope, id: string): Promise<Campaign> {
    scope.requireOffice();
    const campaign = await this.store.getCampaign(id);
    if (!campaign || !scope.coversPath(campaign.officePath)) throw errors.campaignNotFound();
    return campaign;
  }

  list(scope: AccessScope, filter: PageRequest & { status?: Campaign['status']; programKey?: string }) {
    const office = scope.requireOffice();
    return this.store.findCampaigns({
      officePathPrefix: office.path,
      limit: filter.limit,
      cursor: filter.cursor ?? null,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.programKey ? { programKey: filter.programKey } : {}),
    });
  }

  /** Instance counts by status, with every school-scope instance counted once. */
  async statusCounts(campaign: Campaign) {
    const progress = { total: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };
    for (const row of await this.store.campaignProgress(campaign.id, ['status'], { scope: 'school' })) {
      progress.total += row.count;
      if (row.status) progress[row.status] += row.count;
    }
    return progress;
  }

  async progress(scope: AccessScope, id: string, groupBy: ProgressDimension[]): Promise<ProgressRow[]> {
    const campaign = await this.get(scope, id);
    return this.store.campaignProgress(campaign.id, groupBy, { scope: 'school' });
  }

  async overdue(scope: AccessScope, id: string, page: PageRequest): Promise<Page<TaskView>> {
    const campaign = await this.get(scope, id);
    return this.store.findOverdueTasks({
      now: this.now().toISOString(),
      campaignId: campaign.id,
      limit: page.limit,
      cursor: page.cursor ?? null,
    });
  }

  /** Schools that have not finished their first task yet. A page may hold fewer than `limit` items. */
  async notSubmitted(scope: AccessScope, id: string, page: PageRequest): Promise<Page<InstanceSummary>> {
    const campaign = await this.get(scope, id);
    const instances = await this.store.findInstances({
      campaignId: campaign.id,
      scope: 'school',
      status: 'running',
      limit: page.limit,
      cursor: page.cursor ?? null,
    });
    return { items: instances.items.filter(isNotSubmitted), nextCursor: instances.nextCursor };
  }

  /** One in-app reminder to every school on the 未提交名单. */
  async remindAll(scope: AccessScope, actor: Actor, id: string, message: string | undefined) {
    const campaign = await this.get(scope, id);
    if (campaign.status === 'cancelled' || campaign.status === 'completed') throw errors.campaignClosed();
    let reminded = 0;
    let cursor: string | null = null;
    do {
      const page = await this.store.findInstances({
        campaignId: campaign.id,
        scope: 'school',
        status: 'running',
        limit: 500,
        cursor,
      });
      for (const instance of page.items.filter(isNotSubmitted)) {
        await this.notifications.send(actor, {
          recipient: `school:${instance.schoolId}`,
          officePath: instance.officePath,
          title: `催办：${campaign.title}`,
          message: message ?? `请尽快完成「${campaign.title}」的${instance.tasks[0]?.name ?? '待办任务'}。`,
          campaignId: campaign.id,
        });
        reminded += 1;
      }
      cursor = page.nextCursor;
    } while (cursor);
    await this.audit.record(actor, {
      action: 'campaign.reminded',
      target: `campaign:${campaign.id}`,
      officePath: campaign.officePath,
      detail: { reminded },
    });
    return { reminded };
  }

  /**
   * Cancels a campaign: the campaign is marked first (no more reminders, visible at once), then every
   * running instance is closed — status `cancelled`, no open tasks, timers or awaited messages — so its
   * tasks leave every inbox. Cancelling again finishes what an interrupted cancel left.
   */
  async cancel(scope: AccessScope, actor: Actor, id: string, reason: string) {
    const campaign = await this.get(scope, id);
    if (campaign.status === 'completed') throw errors.campaignClosed();
    if (campaign.status !== 'cancelled')
      await this.store.updateCampaign({ ...campaign, status: 'cancelled' });
    let cancelled = 0;
    let cursor: string | null = null;
    do {
      const page = await this.store.findInstances({
        campaignId: campaign.id,
        status: 'running',
        limit: 500,
        cursor,
      });
      for (const instance of page.items) if (await this.#cancelInstance(instance.id)) cancelled += 1;
      cursor = page.nextCursor;
    } while (cursor);
    await this.audit.record(actor, {
      action: 'campaign.cancelled',
      target: `campaign:${campaign.id}`,
      officePath: campaign.officePath,
      detail: { reason, cancelledInstances: cancelled },
    });
    return { cancelled };
  }

  async #cancelInstance(instanceId: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const instance = await this.store.getInstance(instanceId);
      if (instance?.status !== 'running') return false;
      try {
        await this.store.updateInstance(
          {
            ...instance,
            status: 'cancelled',
            tasks: [],
            timers: [],
            messages: [],
            updatedAt: this.now().toISOString(),
          },
          instance.version,
        );
        return true;
      } catch (error) {
        // A task completed at the same moment: read again and cancel what is there now.
        if (attempt >= CANCEL_ATTEMPTS || (error as { code?: string }).code !== 'STORE_ERR_CONFLICT')
          throw error;
      }
    }
  }
}

function isNotSubmitted(instance: InstanceSummary): boolean {
  return (instance.history ?? []).length === 0 && instance.tasks.length > 0;
}
