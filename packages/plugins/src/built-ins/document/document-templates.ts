/** The templates `document.generate` knows (definitions/HANDLERS.md), with the 文书 each produces. */
export const DOCUMENT_TEMPLATES = {
  'rectification-notice': '整改通知书',
  'inspection-notice': '督导通知书',
  'inspection-opinion': '督导意见书',
  'half-month-report': '工作半月报',
  'county-report': '督导报告',
} as const;
export type DocumentTemplate = keyof typeof DOCUMENT_TEMPLATES;

type Data = Record<string, unknown>;

const nameOf = (value: unknown): string | null => {
  const name =
    (value as { name?: unknown } | null | undefined)?.name ?? (value as { title?: unknown })?.title;
  return typeof name === 'string' && name.trim() !== '' ? name : null;
};
const filled = (value: unknown) =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');

/**
 * What each template cannot do without: the names of the missing data, in Chinese (empty: complete).
 * A 整改通知书 without issues or a school, an 意见书 without a conclusion is `DOC_DATA_INCOMPLETE`.
 */
export function missingData(template: DocumentTemplate, data: Data): string[] {
  const missing: string[] = [];
  const needSchool = ['rectification-notice', 'inspection-notice', 'inspection-opinion'].includes(template);
  if (needSchool && !nameOf(data.school)) missing.push('学校名称（school.name）');
  if (!needSchool && !nameOf(data.campaign)) missing.push('督导批次名称（campaign.title）');
  if (template === 'rectification-notice') {
    const items = Array.isArray(data.items) ? data.items : [];
    if (!items.some((item) => filled((item as Data | null)?.issue)))
      missing.push('问题清单（items[].issue）');
    if (!filled(data.deadline)) missing.push('整改期限（deadline）');
  }
  if (template === 'inspection-opinion' && !filled(data.conclusion)) missing.push('督导结论（conclusion）');
  if (template === 'inspection-notice' && !filled(data.visitDate)) missing.push('督导日期（visitDate）');
  return missing;
}

const LABELS: Record<string, string> = {
  conclusion: '督导结论',
  strengths: '主要成绩',
  problems: '存在问题',
  visitDate: '督导日期',
  days: '督导天数',
  leader: '督导组组长',
  team: '督导组成员',
  materials: '需准备的材料',
  focus: '督导重点',
  deadline: '整改期限',
  summary: '总体情况',
  progressText: '工作进展',
};

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(show).join('、');
  const named = nameOf(value);
  return named ?? JSON.stringify(value);
}

export interface RenderArgs {
  template: DocumentTemplate;
  title: string;
  number: string;
  issuerName: string;
  issuedAt: string;
  data: Data;
}

/**
 * The document as a self-contained HTML page (zh-CN): letterhead, 文号, addressee, the template's
 * sections and the issuing office with the date. Offices print it or save it as PDF from the browser.
 */
export function renderDocument(args: RenderArgs): string {
  const { data } = args;
  const addressee = nameOf(data.school);
  const rows: string[] = [];
  const items = Array.isArray(data.items) ? (data.items as Data[]) : [];
  if (items.length > 0) {
    rows.push(
      '<h2>问题清单</h2><table><thead><tr><th>序号</th><th>存在问题</th><th>整改要求</th></tr></thead><tbody>',
    );
    items.forEach((item, i) => {
      rows.push(
        `<tr><td>${i + 1}</td><td>${escapeHtml(show(item?.issue))}</td><td>${escapeHtml(show(item?.requirement))}</td></tr>`,
      );
    });
    rows.push('</tbody></table>');
  }
  for (const [key, label] of Object.entries(LABELS)) {
    if (filled(data[key])) rows.push(`<p><strong>${label}：</strong>${escapeHtml(show(data[key]))}</p>`);
  }
  const rollup = data.rollup as Data | undefined;
  if (rollup && typeof rollup === 'object') {
    rows.push(
      `<p><strong>汇总：</strong>应报 ${show(rollup.schoolCount)} 所，已报 ${show(rollup.submittedSchools)} 所，共 ${show(rollup.submissions)} 份</p>`,
    );
  }
  const day = args.issuedAt.slice(0, 10).split('-');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(args.title)}</title>`,
    '<style>body{font-family:"Noto Serif CJK SC",serif;max-width:42em;margin:2em auto;line-height:1.8}',
    'h1{text-align:center}.number{text-align:center}table{border-collapse:collapse;width:100%}',
    'td,th{border:1px solid #333;padding:.3em}.issuer{text-align:right;margin-top:3em}</style></head><body>',
    `<h1>${escapeHtml(args.title)}</h1>`,
    `<p class="number">${escapeHtml(args.number)}</p>`,
    addressee ? `<p>${escapeHtml(addressee)}：</p>` : '',
    filled((data.campaign as Data | undefined)?.title)
      ? `<p>根据“${escapeHtml(show((data.campaign as Data).title))}”工作安排，现将有关事项通知如下。</p>`
      : '',
    ...rows,
    `<p class="issuer">${escapeHtml(args.issuerName)}<br>${day[0]}年${Number(day[1])}月${Number(day[2])}日</p>`,
    '</body></html>',
  ].join('\n');
}
