import type {
  AuditEvent,
  Campaign,
  District,
  Instance,
  Office,
  OpenTask,
  ProgramVersion,
  School,
  Submission,
  User,
} from '../../src/index.js';

/** Record builders for the conformance suite: valid by default, overridable field by field. */

export const at = (minute: number): string => new Date(Date.UTC(2025, 8, 1, 8, minute)).toISOString();

export function office(id: string, path: string, over: Partial<Office> = {}): Office {
  const parts = path.split('/').filter(Boolean);
  const level = (['province', 'city', 'county'] as const)[Math.min(parts.length, 3) - 1] ?? 'county';
  return {
    id,
    name: `${id} 督导室`,
    level,
    parentId: parts.length > 1 ? parts[parts.length - 2]! : null,
    path,
    ...over,
  };
}

export function district(id: string, officeId: string): District {
  return { id, name: `第${id}责任区`, officeId };
}

export function school(id: string, over: Partial<School> = {}): School {
  return {
    id,
    name: `${id} 实验小学`,
    type: 'primary',
    ownership: 'public',
    officeId: 'c1',
    officePath: '/p1/m1/c1/',
    districtId: 'd1',
    inspectorId: null,
    ...over,
  };
}

export function user(id: string, over: Partial<User> = {}): User {
  return {
    id,
    username: id,
    displayName: `用户 ${id}`,
    role: 'school',
    officeId: null,
    schoolId: null,
    passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
    createdAt: at(0),
    ...over,
  };
}

export function programVersion(
  key: string,
  version: number,
  over: Partial<ProgramVersion> = {},
): ProgramVersion {
  return {
    id: `${key}@${version}`,
    key,
    version,
    name: '义务教育优质均衡督导评估',
    manifest: { key, title: '义务教育优质均衡督导评估' },
    bpmn: '<definitions/>',
    forms: { 'self-check': { components: [] } },
    status: 'active',
    publishedAt: at(version),
    publishedBy: null,
    ...over,
  };
}

export function campaign(id: string, over: Partial<Campaign> = {}): Campaign {
  return {
    id,
    programKey: 'balanced',
    programVersion: 1,
    title: '2025 年秋季开学专项督导',
    officeId: 'c1',
    officePath: '/p1/m1/c1/',
    params: {},
    deadline: null,
    status: 'active',
    targetCount: 0,
    createdBy: 'u-admin',
    createdAt: at(0),
    ...over,
  };
}

export function task(instanceId: string, executionId: string, over: Partial<OpenTask> = {}): OpenTask {
  return {
    id: `${instanceId}:${executionId}`,
    elementId: 'self-check',
    executionId,
    name: '学校自评',
    formId: 'self-check',
    assignee: null,
    candidateGroups: [],
    audience: [],
    dueAt: null,
    createdAt: at(0),
    ...over,
  };
}

export function instance(id: string, over: Partial<Instance> = {}): Instance {
  const schoolId = over.schoolId ?? 's1';
  return {
    id,
    campaignId: 'k1',
    programKey: 'balanced',
    programVersion: 1,
    scope: 'school',
    schoolId,
    officePath: '/p1/m1/c1/',
    districtId: 'd1',
    schoolType: 'primary',
    status: 'running',
    state: { engine: { status: 'running' }, variables: { school: schoolId } },
    tasks: [],
    timers: [],
    messages: [],
    incidents: [],
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    ...over,
  };
}

export function submission(id: string, over: Partial<Submission> = {}): Submission {
  return {
    id,
    taskId: 'i1:e1',
    instanceId: 'i1',
    campaignId: 'k1',
    schoolId: 's1',
    elementId: 'self-check',
    formId: 'self-check',
    programVersion: 1,
    data: { 校长: '张三', teachers: 42 },
    score: null,
    submittedBy: 'u1',
    submittedAt: at(5),
    ...over,
  };
}

export function auditEvent(id: string, over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id,
    at: at(1),
    actorId: 'u1',
    action: 'task.completed',
    target: 'task:i1:e1',
    requestId: null,
    ip: '10.0.0.1',
    detail: {},
    ...over,
  };
}

/** Text that breaks naive encodings: CJK, a CJK Extension B ideograph and an emoji (both non-BMP). */
export const TRICKY_TEXT = '督导通·𠀀𪚥 学校 😀🏫 "引号" \\ \u0000? 末尾';
