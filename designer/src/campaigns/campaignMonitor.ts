import { campaignApi } from '../api/campaignApi.js';
import { programApi } from '../api/programApi.js';
import { readAll } from '../api/readAll.js';
import type {
  CampaignDetail,
  NotSubmittedPage,
  OverduePage,
  ProgramManifest,
  ProgressRow,
} from '../api/types.js';

export type NotSubmittedItem = NotSubmittedPage['items'][number];
export type OverdueItem = OverduePage['items'][number];

/** Everything the campaign page shows, read together. */
export interface CampaignMonitor {
  detail: CampaignDetail;
  /** Instance counts by status × 责任区 × school type. */
  rows: ProgressRow[];
  notSubmitted: NotSubmittedItem[];
  overdue: OverdueItem[];
  /** program.json of the campaign's version, for the parameters' names; null if it cannot be read. */
  manifest: ProgramManifest | null;
}

export async function loadCampaignMonitor(campaignId: string): Promise<CampaignMonitor> {
  const [detail, progress, notSubmitted, overdue] = await Promise.all([
    campaignApi.get(campaignId),
    campaignApi.progress(campaignId, ['status', 'districtId', 'schoolType']),
    readAll((cursor) => campaignApi.notSubmitted(campaignId, cursor, 100)),
    readAll((cursor) => campaignApi.overdue(campaignId, cursor, 100)),
  ]);
  const { programKey, programVersion } = detail.campaign;
  const manifest = await programApi.version(programKey, programVersion).then(
    (version) => version.manifest as unknown as ProgramManifest,
    () => null,
  );
  return { detail, rows: progress.rows, notSubmitted, overdue, manifest };
}

/** One line of the progress table: a 责任区 and a school type. */
export interface ProgressLine {
  districtId: string;
  districtName: string;
  schoolType: string;
  byStatus: Record<string, number>;
  total: number;
  notSubmitted: number;
  overdue: number;
}

/**
 * Pivots the progress rows into lines per 责任区 × school type, with the 未提交 and 逾期 counts of the same
 * cell (the lists carry the school, whose type comes from `schoolTypeOf`).
 */
export function progressLines(
  monitor: CampaignMonitor,
  schoolTypeOf: (schoolId: string | null) => string | undefined,
): ProgressLine[] {
  const lines = new Map<string, ProgressLine>();
  const lineFor = (districtId: string, schoolType: string, districtName = '') => {
    const key = `${districtId}|${schoolType}`;
    let line = lines.get(key);
    if (!line) {
      line = { districtId, districtName, schoolType, byStatus: {}, total: 0, notSubmitted: 0, overdue: 0 };
      lines.set(key, line);
    }
    if (!line.districtName && districtName) line.districtName = districtName;
    return line;
  };
  for (const row of monitor.rows) {
    const line = lineFor(row.districtId ?? '', row.schoolType ?? '', row.districtName);
    const status = row.status ?? '';
    line.byStatus[status] = (line.byStatus[status] ?? 0) + row.count;
    line.total += row.count;
  }
  for (const item of monitor.notSubmitted)
    lineFor(item.districtId ?? '', schoolTypeOf(item.schoolId) ?? '').notSubmitted++;
  for (const item of monitor.overdue)
    lineFor(item.districtId ?? '', schoolTypeOf(item.schoolId) ?? '').overdue++;
  return [...lines.values()].sort(
    (a, b) =>
      a.districtName.localeCompare(b.districtName, 'zh-CN') || a.schoolType.localeCompare(b.schoolType),
  );
}
