import { apiRequest, queryString } from './client.js';
import type {
  DraftUploadResult,
  ProgramBundle,
  ProgramDraftDetail,
  ProgramDraftPage,
  ProgramSummary,
  ProgramVersionDetail,
  ProgramVersionList,
  ProgramVersionSummary,
  PublishResult,
} from './types.js';

const versionPath = (key: string, version: number) =>
  `/programs/${encodeURIComponent(key)}/versions/${version}`;

/** Programs (督导项目): the catalogue, versions, drafts and publishing. */
export const programApi = {
  list: () => apiRequest<{ items: ProgramSummary[] }>('GET', '/programs'),
  versions: (key: string) =>
    apiRequest<ProgramVersionList>('GET', `/programs/${encodeURIComponent(key)}/versions`),
  version: (key: string, version: number) =>
    apiRequest<ProgramVersionDetail>('GET', versionPath(key, version)),
  retire: (key: string, version: number) =>
    apiRequest<ProgramVersionSummary>('POST', `${versionPath(key, version)}/retire`),
  activate: (key: string, version: number) =>
    apiRequest<ProgramVersionSummary>('POST', `${versionPath(key, version)}/activate`),
  drafts: (cursor: string | null, limit = 50) =>
    apiRequest<ProgramDraftPage>('GET', `/programs/drafts${queryString({ limit, cursor })}`),
  draft: (id: string) => apiRequest<ProgramDraftDetail>('GET', `/programs/drafts/${encodeURIComponent(id)}`),
  saveDraft: (bundle: ProgramBundle) => apiRequest<DraftUploadResult>('POST', '/programs/drafts', bundle),
  publish: (draftId: string) =>
    apiRequest<PublishResult>('POST', `/programs/drafts/${encodeURIComponent(draftId)}/publish`),
};
