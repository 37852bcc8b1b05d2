import { apiRequest, apiUpload, queryString } from './client.js';
import type {
  CreateSchoolRequest,
  CreateUserRequest,
  District,
  ImportKind,
  ImportReport,
  Office,
  School,
  SchoolPage,
  SchoolProfile,
  SchoolType,
  UpdateSchoolRequest,
  User,
  UserDetail,
  UserPage,
} from './types.js';

const schoolPath = (id: string) => `/schools/${encodeURIComponent(id)}`;
const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

export interface SchoolQuery {
  officeId?: string;
  districtId?: string;
  type?: SchoolType;
  ownership?: 'public' | 'private';
  cursor?: string | null;
  limit?: number;
}

/** Offices, 责任区, schools, users and imports. */
export const organisationApi = {
  offices: () => apiRequest<{ items: Office[] }>('GET', '/offices'),
  districts: (officeId: string) =>
    apiRequest<{ items: District[] }>('GET', `/offices/${encodeURIComponent(officeId)}/districts`),

  schools: (query: SchoolQuery = {}) => apiRequest<SchoolPage>('GET', `/schools${queryString({ ...query })}`),
  school: (id: string) => apiRequest<{ school: School }>('GET', schoolPath(id)),
  schoolHistory: (id: string) => apiRequest<SchoolProfile>('GET', `${schoolPath(id)}/history`),
  createSchool: (request: CreateSchoolRequest) => apiRequest<{ school: School }>('POST', '/schools', request),
  updateSchool: (id: string, request: UpdateSchoolRequest) =>
    apiRequest<{ school: School }>('PATCH', schoolPath(id), request),

  users: (query: { role?: string; officeId?: string; schoolId?: string; cursor?: string | null }) =>
    apiRequest<UserPage>('GET', `/users${queryString({ limit: 50, ...query })}`),
  user: (id: string) => apiRequest<UserDetail>('GET', userPath(id)),
  createUser: (request: CreateUserRequest) => apiRequest<{ user: User }>('POST', '/users', request),
  renameUser: (id: string, displayName: string) =>
    apiRequest<{ user: User }>('PATCH', userPath(id), { displayName }),
  resetPassword: (id: string, password: string) =>
    apiRequest<void>('POST', `${userPath(id)}/password`, { password }),
  unlockUser: (id: string) => apiRequest<void>('POST', `${userPath(id)}/unlock`),

  importFile: (kind: ImportKind, file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiUpload<ImportReport>(`/imports/${kind}${queryString({ dryRun })}`, form);
  },
};
