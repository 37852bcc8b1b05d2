import { apiRequest, queryString } from './client.js';
import type {
  CampaignDetail,
  CampaignLaunchRequest,
  CampaignPage,
  CancelResult,
  LaunchPreview,
  LaunchResult,
  NotSubmittedPage,
  OverduePage,
  ProgressRows,
  RemindResult,
} from './types.js';

const path = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export type ProgressDimension = 'status' | 'districtId' | 'schoolType';

/** Launching campaigns (督导任务批次) and monitoring them. */
export const campaignApi = {
  list: (query: { status?: string; programKey?: string; cursor?: string | null; limit?: number }) =>
    apiRequest<CampaignPage>('GET', `/campaigns${queryString({ limit: 20, ...query })}`),
  preview: (request: CampaignLaunchRequest) =>
    apiRequest<LaunchPreview>('POST', '/campaigns/preview', request),
  launch: (request: CampaignLaunchRequest) => apiRequest<LaunchResult>('POST', '/campaigns', request),
  get: (id: string) => apiRequest<CampaignDetail>('GET', path(id)),
  progress: (id: string, groupBy: ProgressDimension[]) =>
    apiRequest<ProgressRows>('GET', `${path(id)}/progress${queryString({ groupBy: groupBy.join(',') })}`),
  overdue: (id: string, cursor: string | null, limit = 50) =>
    apiRequest<OverduePage>('GET', `${path(id)}/overdue${queryString({ limit, cursor })}`),
  notSubmitted: (id: string, cursor: string | null, limit = 50) =>
    apiRequest<NotSubmittedPage>('GET', `${path(id)}/not-submitted${queryString({ limit, cursor })}`),
  remind: (id: string, message?: string) =>
    apiRequest<RemindResult>('POST', `${path(id)}/remind`, message ? { message } : {}),
  cancel: (id: string, reason: string) => apiRequest<CancelResult>('POST', `${path(id)}/cancel`, { reason }),
};
