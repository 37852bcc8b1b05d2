/** A school of a campaign, as sampling sees it. */
export interface SampledSchool {
  id: string;
  type: string | null;
  districtId: string | null;
}

/** What the sampling handler needs from the platform, and nothing more. */
export interface SamplePopulation {
  /** Every school the campaign was launched to (its school-scope instances). */
  schoolsOf(campaignId: string): Promise<SampledSchool[]>;
}
