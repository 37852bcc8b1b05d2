// The API has no campaign list yet, so this browser remembers the campaigns it launched, newest first.

export interface RecentCampaign {
  id: string;
  title: string;
  launchedAt: string;
}

const STORAGE_KEY = 'ddt.recentCampaigns';
const LIMIT = 20;

export function readRecentCampaigns(): RecentCampaign[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? (parsed as RecentCampaign[]).filter((item) => typeof item?.id === 'string')
      : [];
  } catch {
    return [];
  }
}

export function rememberCampaign(campaign: RecentCampaign): void {
  const others = readRecentCampaigns().filter((item) => item.id !== campaign.id);
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify([campaign, ...others].slice(0, LIMIT)));
  } catch {
    // Private browsing or a full quota: the list is a convenience only.
  }
}
