/** A submission as a roll-up reads it. */
export interface RolledSubmission {
  schoolId: string | null;
  instanceId: string;
  formId: string;
  submittedAt: string;
  data: Record<string, unknown>;
  score: Record<string, unknown> | null;
}

/** What the roll-up handler needs from the platform, and nothing more. */
export interface RollupSource {
  /** The schools the campaign was launched to, with their names. */
  schoolsOf(campaignId: string): Promise<{ id: string; name: string }[]>;
  /** The campaign's submissions of these forms, oldest first. */
  submissionsOf(campaignId: string, formIds: string[]): Promise<RolledSubmission[]>;
}
