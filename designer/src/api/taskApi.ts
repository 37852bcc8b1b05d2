import { apiRequest, queryString } from './client.js';
import type {
  ClaimResult,
  CompleteResult,
  DraftResult,
  ReturnResult,
  SubmissionView,
  TaskDetail,
  TaskListQuery,
  TaskPage,
} from './types.js';

const path = (id: string) => `/tasks/${encodeURIComponent(id)}`;

/** The inbox and everything done on one task. */
export const taskApi = {
  list: (query: TaskListQuery) =>
    apiRequest<TaskPage>('GET', `/tasks${queryString({ limit: 20, ...query })}`),
  get: (id: string) => apiRequest<TaskDetail>('GET', path(id)),
  saveDraft: (id: string, data: Record<string, unknown>, keepalive = false) =>
    apiRequest<DraftResult>('PUT', `${path(id)}/draft`, { data }, { keepalive }),
  complete: (id: string, data: Record<string, unknown>) =>
    apiRequest<CompleteResult>('POST', `${path(id)}/complete`, { data }),
  returnForRevision: (id: string, comment: string) =>
    apiRequest<ReturnResult>('POST', `${path(id)}/return`, { comment }),
  claim: (id: string) => apiRequest<ClaimResult>('POST', `${path(id)}/claim`),
  unclaim: (id: string) => apiRequest<ClaimResult>('POST', `${path(id)}/unclaim`),
  submission: (id: string) => apiRequest<SubmissionView>('GET', `/submissions/${encodeURIComponent(id)}`),
};
