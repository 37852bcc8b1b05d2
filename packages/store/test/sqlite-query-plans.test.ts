import type Database from 'better-sqlite3';
import { createSqliteStore, type SqliteStore } from '../src/index.js';
import { planSqliteIndexes } from '../src/sqlite/create-indexes.js';
import { at, instance, task } from './conformance/fixtures.js';

/**
 * Every read the SQLite adapter runs is checked with EXPLAIN QUERY PLAN: a filtered query must start
 * from an index (SEARCH … USING INDEX / PRIMARY KEY), never a table scan. Unfiltered lists may walk an
 * index in page order (they stop at the page size). The planner has no statistics here, exactly as in
 * production (the store never runs ANALYZE), so these are the plans a large database gets.
 */

interface Executed {
  sql: string;
  params: unknown[];
}

function recordStatements(store: SqliteStore): Executed[] {
  const log: Executed[] = [];
  const db = store.db;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string, ...internal: unknown[]) => {
    // better-sqlite3 passes private arguments when it prepares its own statements (pragma, BEGIN).
    const statement = (prepare as (...args: unknown[]) => Database.Statement)(sql, ...internal);
    return new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property === 'all' || property === 'get' || property === 'run') {
          return (...params: unknown[]) => {
            log.push({ sql, params });
            return (value as (...args: unknown[]) => unknown).apply(target, params);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }) as Database.Database['prepare'];
  return log;
}

function planOf(db: Database.Database, executed: Executed): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${executed.sql}`).all(...executed.params) as {
    detail: string;
  }[];
  return rows.map((row) => row.detail);
}

const TABLES = [
  'offices',
  'districts',
  'schools',
  'users',
  'conflicts',
  'program_versions',
  'campaigns',
  'instances',
  'open_tasks',
  'task_keys',
  'task_groups',
  'timers',
  'awaited_messages',
  'submissions',
  'files',
  'drafts',
  'audit_events',
];
const ALIASES = ['t', 'k', 'g', 'm', 'i'];

/** A plan line that reads a whole table (or walks a whole index, when `walk` is true). */
function scans(line: string, walk: boolean): boolean {
  const match = /^SCAN (\w+)(.*)$/.exec(line);
  if (!match) return false;
  const [, name, rest] = match;
  const base = TABLES.includes(name!) || ALIASES.includes(name!);
  // `SCAN m` over the merged DISTINCT subquery reads a temp result, not a table.
  if (name === 'm' && rest === '') return false;
  if (!base) return false;
  if (/USING (COVERING )?INDEX|USING PRIMARY KEY/.test(rest!)) return !walk;
  return true;
}

describe('SQLite query plans', () => {
  let store: SqliteStore;
  let log: Executed[];

  beforeAll(async () => {
    store = createSqliteStore({ path: ':memory:' });
    log = recordStatements(store);
    await store.init();
    await store.createInstances([
      instance('a', {
        tasks: [
          task('a', 'e1', { audience: ['school:s1'], candidateGroups: ['g'], dueAt: at(9), assignee: 'u1' }),
        ],
        timers: [{ id: 't', elementId: 'x', executionId: 'y', dueAt: at(3) }],
        messages: [{ elementId: 'x', executionId: 'y', name: 'appeal', correlationKey: 's1' }],
      }),
    ]);
  });
  afterAll(() => store.close());

  const page = { limit: 20 };
  const cursor2 = Buffer.from(JSON.stringify([at(1), 'x'])).toString('base64url');
  interface Shape {
    label: string;
    run: (s: SqliteStore) => Promise<unknown>;
    /** An unfiltered list: walking an index in page order (stopping at the page size) is fine. */
    walk: boolean;
  }
  const shape = (label: string, run: Shape['run'], walk = false): Shape => ({ label, run, walk });
  const shapes: Shape[] = [
    shape('getInstance', (s) => s.getInstance('a')),
    shape('getTask', (s) => s.getTask('a:e1')),
    shape('inbox: one audience key', (s) => s.findTasks({ ...page, audience: ['school:s1'] })),
    shape('inbox: one key, next page', (s) =>
      s.findTasks({ ...page, audience: ['school:s1'], cursor: cursor2 }),
    ),
    shape('inbox: several keys', (s) =>
      s.findTasks({ ...page, audience: ['school:s1', 'user:u1', 'office:c1'] }),
    ),
    shape('inbox: key + campaign + due', (s) =>
      s.findTasks({ ...page, audience: ['user:u1'], campaignId: 'k1', dueBefore: at(5) }),
    ),
    shape('tasks: candidate group', (s) => s.findTasks({ ...page, candidateGroup: 'g' })),
    shape('tasks: key + candidate group', (s) =>
      s.findTasks({ ...page, audience: ['office:c1'], candidateGroup: 'g' }),
    ),
    shape('tasks: school', (s) => s.findTasks({ ...page, schoolId: 's1' })),
    shape('tasks: school, next page', (s) => s.findTasks({ ...page, schoolId: 's1', cursor: cursor2 })),
    shape('tasks: campaign', (s) => s.findTasks({ ...page, campaignId: 'k1' })),
    shape('tasks: assignee', (s) => s.findTasks({ ...page, assignee: 'u1' })),
    shape('tasks: unfiltered', (s) => s.findTasks(page), true),
    shape('overdue: all', (s) => s.findOverdueTasks({ ...page, now: at(30) })),
    shape('overdue: campaign', (s) => s.findOverdueTasks({ ...page, now: at(30), campaignId: 'k1' })),
    shape('overdue: district', (s) => s.findOverdueTasks({ ...page, now: at(30), districtId: 'd1' })),
    shape('overdue: office subtree', (s) =>
      s.findOverdueTasks({ ...page, now: at(30), officePathPrefix: '/p1/' }),
    ),
    shape('progress: total', (s) => s.campaignProgress('k1', [])),
    shape('progress: status × district', (s) => s.campaignProgress('k1', ['status', 'districtId'])),
    shape('progress: all dimensions, school scope', (s) =>
      s.campaignProgress('k1', ['status', 'districtId', 'schoolType', 'officePath'], { scope: 'school' }),
    ),
    shape('instances: campaign', (s) => s.findInstances({ ...page, campaignId: 'k1' })),
    shape('instances: campaign + status', (s) =>
      s.findInstances({ ...page, campaignId: 'k1', status: 'running' }),
    ),
    shape('instances: school', (s) => s.findInstances({ ...page, schoolId: 's1' })),
    shape('timers: claim', (s) => s.claimDueTimers({ now: at(30), leaseMs: 1000, owner: 'p', limit: 10 })),
    shape('timers: next due', (s) => s.nextTimerDueAt()),
    shape('messages', (s) => s.findMessageSubscriptions({ ...page, name: 'appeal', correlationKey: 's1' })),
    shape('schools: subtree', (s) => s.findSchools({ ...page, officePathPrefix: '/p1/' })),
    shape('schools: district', (s) => s.findSchools({ ...page, districtId: 'd1' })),
    shape('schools: inspector', (s) => s.findSchools({ ...page, inspectorId: 'u1' })),
    shape('schools: ids', (s) => s.findSchools({ ...page, ids: ['s1', 's2'] })),
    shape('schools: unfiltered', (s) => s.findSchools(page), true),
    shape('users: username', (s) => s.getUserByUsername('zhangsan')),
    shape('users: office', (s) => s.findUsers({ ...page, officeId: 'c1' })),
    shape('users: school', (s) => s.findUsers({ ...page, schoolId: 's1' })),
    shape('users: role', (s) => s.findUsers({ ...page, role: 'inspector' })),
    shape('conflicts: inspector', (s) => s.findConflicts({ inspectorId: 'i1' })),
    shape('conflicts: school', (s) => s.findConflicts({ schoolId: 's1' })),
    shape('conflicts: pair', (s) => s.hasConflict('i1', 's1')),
    shape('offices: subtree', (s) => s.listOffices({ pathPrefix: '/p1/' })),
    shape('districts of an office', (s) => s.listDistricts('c1')),
    shape('programs: latest', (s) => s.getLatestProgramVersion('balanced')),
    shape('programs: one', (s) => s.getProgramVersion('balanced', 1)),
    shape('campaigns: subtree', (s) => s.findCampaigns({ ...page, officePathPrefix: '/p1/' })),
    shape('campaigns: newest', (s) => s.findCampaigns(page), true),
    shape('submissions: instance', (s) => s.findSubmissions({ ...page, instanceId: 'a' })),
    shape('submissions: task', (s) => s.findSubmissions({ ...page, taskId: 'a:e1' })),
    shape('submissions: campaign', (s) => s.findSubmissions({ ...page, campaignId: 'k1' })),
    shape('submissions: school', (s) => s.findSubmissions({ ...page, schoolId: 's1' })),
    shape('files: owner', (s) => s.findFiles({ ...page, owner: 'task:a:e1' })),
    shape('audit: actor', (s) => s.findAudit({ ...page, actorId: 'u1' })),
    shape('audit: target', (s) => s.findAudit({ ...page, target: 'instance:a' })),
    shape('audit: action', (s) => s.findAudit({ ...page, action: 'login' })),
    shape('audit: time range', (s) => s.findAudit({ ...page, from: at(1), to: at(2) })),
    shape('audit: newest', (s) => s.findAudit(page), true),
    shape('instance update (side rows rewritten)', async (s) => {
      const current = (await s.getInstance('a'))!;
      await s.updateInstance(current, current.version);
    }),
  ];

  // Rows are objects: with array rows Jest would take a missing last element for a `done` callback.
  it.each(shapes)('$label reads through an index', async ({ run, walk }) => {
    log.length = 0;
    await run(store);
    const reads = log.filter((e) => /\b(SELECT|UPDATE|DELETE)\b/.test(e.sql) && !/^\s*INSERT/.test(e.sql));
    expect(reads.length).toBeGreaterThan(0);
    for (const executed of reads) {
      const plan = planOf(store.db, executed);
      const offending = plan.filter((line) => scans(line, walk));
      expect({ sql: executed.sql.replace(/\s+/g, ' ').trim(), offending }).toEqual({
        sql: executed.sql.replace(/\s+/g, ' ').trim(),
        offending: [],
      });
    }
  });

  it('recognises a table scan and an index walk when it sees one', () => {
    const scanPlan = planOf(store.db, {
      sql: 'SELECT doc FROM instances WHERE status = ?',
      params: ['running'],
    });
    expect(scanPlan.some((line) => scans(line, false))).toBe(true);
    const walkPlan = planOf(store.db, { sql: 'SELECT doc FROM schools ORDER BY id LIMIT 5', params: [] });
    expect(walkPlan.some((line) => scans(line, false))).toBe(true);
    expect(walkPlan.some((line) => scans(line, true))).toBe(false);
  });

  it('creates exactly the declared indexes', () => {
    const names = (
      store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    expect(names.sort()).toEqual(
      planSqliteIndexes()
        .map((plan) => plan.name)
        .sort(),
    );
    // The open_tasks and task_keys primary keys already are these indexes.
    expect(names).not.toContain('tasks_id');
    expect(names).not.toContain('tasks_audience');
    expect(names).toContain('tasks_school');
  });

  it('answers an inbox page from one range of task_keys, reading no other table', async () => {
    for (const audience of [['school:s1'], ['school:s1', 'user:u1']]) {
      log.length = 0;
      const page = await store.findTasks({ limit: 20, audience });
      expect(page.items.map((t) => t.id)).toEqual(['a:e1']);
      const executed = [...log];
      expect(executed).toHaveLength(audience.length);
      for (const statement of executed) {
        expect(planOf(store.db, statement)).toEqual(['SEARCH k USING PRIMARY KEY (key=?)']);
      }
    }
  });
});
