import { apiRequest } from './client.js';
import type {
  CampaignDetail,
  CompleteResult,
  LaunchRequest,
  LaunchResult,
  ProgramSummary,
  School,
  TaskDetail,
  TaskPage,
  User,
} from './types.js';

export const api = {
  login: (username: string, password: string) =>
    apiRequest<{ user: User }>('POST', '/auth/login', { username, password }),
  logout: () => apiRequest<void>('POST', '/auth/logout'),
  me: () => apiRequest<{ user: User }>('GET', '/me'),

  tasks: (cursor: string | null, limit = 20) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    return apiRequest<TaskPage>('GET', `/tasks?${query}`);
  },
  task: (id: string) => apiRequest<TaskDetail>('GET', `/tasks/${encodeURIComponent(id)}`),
  completeTask: (id: string, data: Record<string, unknown>) =>
    apiRequest<CompleteResult>('POST', `/tasks/${encodeURIComponent(id)}/complete`, { data }),

  programs: () => apiRequest<{ items: ProgramSummary[] }>('GET', '/programs'),
  schools: () => apiRequest<{ items: School[] }>('GET', '/schools'),
  launch: (programKey: string, request: LaunchRequest) =>
    apiRequest<LaunchResult>('POST', `/programs/${encodeURIComponent(programKey)}/launch`, request),
  campaign: (id: string) => apiRequest<CampaignDetail>('GET', `/campaigns/${encodeURIComponent(id)}`),
};
