import type { SchoolType } from '@ddt/forms';
import type { ProgramVersion } from '@ddt/store';

/** What the score handler reads from the platform, and nothing more. */
export interface AssessmentSource {
  /** The published program version (its manifest holds the indicator sets, `forms` the Form.io JSON). */
  programVersion(
    key: string,
    version: number,
  ): Promise<Pick<ProgramVersion, 'id' | 'manifest' | 'forms'> | null>;
  schoolType(schoolId: string): Promise<SchoolType | null>;
  /** The cleaned data of the instance's latest submission of this form, or null if none yet. */
  latestSubmissionData(instanceId: string, formId: string): Promise<Record<string, unknown> | null>;
}
