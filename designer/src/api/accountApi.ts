import { apiRequest, queryString } from './client.js';
import type { AuditPage, NotificationPage, User } from './types.js';

/** Sign-in, the current user, own password, notifications. */
export const accountApi = {
  login: (username: string, password: string) =>
    apiRequest<{ user: User }>('POST', '/auth/login', { username, password }),
  logout: () => apiRequest<void>('POST', '/auth/logout'),
  me: () => apiRequest<{ user: User }>('GET', '/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    apiRequest<{ user: User }>('POST', '/auth/password', { currentPassword, newPassword }),
  notifications: (cursor: string | null, limit = 20) =>
    apiRequest<NotificationPage>('GET', `/notifications${queryString({ limit, cursor })}`),
  audit: (query: { target?: string; action?: string; cursor?: string | null; limit?: number }) =>
    apiRequest<AuditPage>('GET', `/audit${queryString({ limit: 50, ...query })}`),
};
