import { fileURLToPath } from 'node:url';
import type { Campaign, Instance, ProgramVersion, School, SchoolType } from '../src/index.js';
import { createSqliteStore } from '../src/index.js';

/**
 * Instance records exactly as the runtime writes them for the 开学督导 program (definitions/kaixue):
 * a few are launched and stepped through the real `WorkflowRuntime` (in memory), then copied with other
 * ids, schools and times. Stages are mixed like a campaign under way: 45% wait for the school's
 * self-check (task audience `school:…`), 45% for the 责任督学's review (`user:…`), 10% are completed.
 *
 * The engine lives in another package that depends on this one, so it is imported only here, by the
 * benchmark, and never by the store itself.
 */

const T0 = '2026-03-02T00:00:00.000Z';
const BASE_TIME = Date.UTC(2025, 8, 1);
const SCHOOL_TYPES: SchoolType[] = ['primary', 'junior', 'nine_year', 'senior', 'kindergarten'];
const TEMPLATES_PER_STAGE = 8;

export interface Layout {
  schools: number;
  campaigns: number;
}

type Stage = 'selfCheck' | 'review' | 'completed';

interface Template {
  stage: Stage;
  /** The record as JSON, with markers where ids, places and times go. */
  json: string;
}

const marker = {
  campaign: 'CAMPAIGN_T',
  school: (t: number) => `SCHOOL_T${t}`,
  inspector: (t: number) => `INSPECTOR_T${t}`,
  district: 'DISTRICT_T',
  office: 'OFFICE_T',
};

async function launchTemplates(): Promise<Template[]> {
  const { loadProgramFolder } = await import('@ddt/program');
  const { WorkflowRuntime } = await import('@ddt/engine');
  const folder = fileURLToPath(new URL('../../../definitions/kaixue/', import.meta.url));
  const bundle = await loadProgramFolder(folder);
  const program: ProgramVersion = {
    id: 'kaixue@1',
    key: 'kaixue',
    version: 1,
    name: bundle.manifest.name,
    manifest: bundle.manifest as unknown as Record<string, unknown>,
    bpmn: bundle.bpmn,
    forms: bundle.forms,
    status: 'active',
    publishedAt: T0,
    publishedBy: null,
  };
  const campaign: Campaign = {
    id: marker.campaign,
    programKey: 'kaixue',
    programVersion: 1,
    title: '2026年春季开学工作专项督导',
    officeId: marker.office,
    officePath: `/${marker.office}/`,
    params: { selfCheckPeriod: 'P7D', reviewPeriod: 'P5D' },
    deadline: null,
    status: 'active',
    targetCount: 3 * TEMPLATES_PER_STAGE,
    createdBy: 'u-admin',
    createdAt: T0,
  };
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  await store.createProgramVersion(program);
  await store.createCampaign(campaign);
  const runtime = new WorkflowRuntime({ store, now: () => new Date(T0) });
  const templates: Template[] = [];
  const stages: Stage[] = ['selfCheck', 'review', 'completed'];
  for (const [s, stage] of stages.entries()) {
    for (let k = 0; k < TEMPLATES_PER_STAGE; k++) {
      const t = s * TEMPLATES_PER_STAGE + k;
      const school: School = {
        id: marker.school(t),
        name: `${['城关', '实验', '第一', '第二', '育才', '希望', '民族', '新区'][k]}${['小学', '初级中学', '九年一贯制学校'][k % 3]}`,
        type: 'primary',
        ownership: 'public',
        officeId: marker.office,
        officePath: `/${marker.office}/`,
        districtId: marker.district,
        inspectorId: marker.inspector(t),
      };
      await store.putSchool(school);
      let { instance } = await runtime.startInstance({
        instanceId: `${campaign.id}:${school.id}`,
        program,
        campaign,
        school,
        params: campaign.params,
      });
      const steps = stage === 'selfCheck' ? 0 : stage === 'review' ? 1 : 2;
      for (let step = 0; step < steps; step++) {
        instance = await runtime.completeTask({
          taskId: instance.tasks[0]!.id,
          output:
            step === 0
              ? {
                  ready: true,
                  summary: `开学准备工作已完成：校舍安全排查、教材到位、课表编排（第${k + 1}稿）`,
                }
              : { conclusion: 'pass', comment: '自查报告属实，同意通过。' },
          submissionId: `sub-${t}-${step}`,
          completedBy: step === 0 ? `u-${school.id}` : marker.inspector(t),
        });
      }
      templates.push({ stage, json: JSON.stringify(instance) });
    }
  }
  await store.close();
  return templates;
}

let loaded: Template[] | null = null;

/** Launches the templates through the runtime; call once before `kaixueInstance`. */
export async function prepareKaixueInstances(): Promise<void> {
  loaded ??= await launchTemplates();
}

/**
 * The n-th instance, id `i<n>`: campaign `k<n % campaigns>` (or `campaignOf(n)`), school `s<n % schools>`
 * (bench layouts put one school in a campaign several times, so ids do not follow `${campaign}:${school}`).
 */
export function kaixueInstance(
  n: number,
  layout: Layout,
  campaignOf = (i: number) => `k${i % layout.campaigns}`,
): Instance {
  if (!loaded) throw new Error('call prepareKaixueInstances() first');
  // A hash of n, so that every school has instances at every stage.
  const roll = (Math.imul(n ^ (n >>> 15), 0x2c1b3c6d) >>> 0) % 20;
  const stage: Stage = roll < 9 ? 'selfCheck' : roll < 18 ? 'review' : 'completed';
  const offset = stage === 'selfCheck' ? 0 : stage === 'review' ? 1 : 2;
  const t = offset * TEMPLATES_PER_STAGE + (n % TEMPLATES_PER_STAGE);
  const template = loaded[t]!;
  const school = n % layout.schools;
  const createdAt = new Date(BASE_TIME + n * 1000);
  const shift = (iso: string) =>
    new Date(Date.parse(iso) - Date.parse(T0) + createdAt.getTime()).toISOString();
  let json = template.json
    .split(`${marker.campaign}:${marker.school(t)}`)
    .join(`i${n}`)
    .split(marker.campaign)
    .join(campaignOf(n))
    .split(marker.school(t))
    .join(`s${school}`)
    .split(marker.inspector(t))
    .join(`u-insp${school % 977}`)
    .split(marker.district)
    .join(`d${school % 977}`)
    .split(`/${marker.office}/`)
    .join(`/p1/m${school % 13}/c${school % 131}/`)
    .split(marker.office)
    .join(`c${school % 131}`);
  // Times: every timestamp of the template moves by the same amount (due dates stay 7 or 5 days out).
  json = json.replace(
    /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)"/g,
    (_, iso: string) => `"${shift(iso)}"`,
  );
  const instance = JSON.parse(json) as Instance;
  instance.schoolType = SCHOOL_TYPES[school % SCHOOL_TYPES.length]!;
  return instance;
}
