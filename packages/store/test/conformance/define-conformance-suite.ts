import { fileDraftAuditCases } from './cases/files-drafts-audit.js';
import { instanceCases } from './cases/instances.js';
import { organisationCases } from './cases/organisation.js';
import { programAndCampaignCases } from './cases/programs-and-campaigns.js';
import { recordCases } from './cases/records.js';
import { schedulingCases } from './cases/scheduling.js';
import { taskCases } from './cases/tasks.js';
import { type OpenTarget, useTarget } from './target.js';

/**
 * The one conformance suite. Every adapter runs all of it: `describe` once per adapter with a function
 * that opens a fresh, initialised, empty store.
 */
export function defineConformanceSuite(adapterName: string, open: OpenTarget): void {
  describe(`store conformance: ${adapterName}`, () => {
    const target = useTarget(open);
    organisationCases(target);
    programAndCampaignCases(target);
    instanceCases(target);
    taskCases(target);
    schedulingCases(target);
    fileDraftAuditCases(target);
    recordCases(target);
  });
}
