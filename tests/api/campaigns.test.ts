import { createServices } from '@ddt/server';
import type { Store } from '@ddt/store';
import { ApiPlatform, expectDenied, expectProblem } from './support/api-platform.js';

let api: ApiPlatform;
beforeAll(async () => {
  api = await ApiPlatform.start();
});
afterAll(() => api.stop());

const body = (extra: Record<string, unknown> = {}) => ({
  programKey: 'api-pingjia',
  title: '2026年春季学校自评督导',
  semester: '2026年春季学期',
  targets: { districtIds: ['d-1'], schoolTypes: ['primary'] },
  ...extra,
});

describe('launching a campaign', () => {
  test('the preview counts the schools a filter selects, per type and 责任区, and writes nothing', async () => {
    const before = await api.changeCount();
    const preview = await api.call('admin', {
      method: 'POST',
      url: '/api/campaigns/preview',
      payload: body(),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      programKey: 'api-pingjia',
      count: 3,
      byType: [{ type: 'primary', count: 3 }],
      byDistrict: [{ districtId: 'd-1', count: 3 }],
      params: { selfEvalPeriod: 'P7D', sampleRate: 0.3, semester: '2026年春季学期' },
      assignments: { reassigned: [], unassigned: [] },
    });
    const kaixuePrivate = await api.call('admin', {
      method: 'POST',
      url: '/api/campaigns/preview',
      payload: body({ programKey: 'kaixue-basic', targets: { ownership: 'private' } }),
    });
    // kaixue-basic is not meant for 校外培训机构: two private training schools drop out.
    expect(kaixuePrivate.json()).toMatchObject({ count: 2, excludedByType: 2 });
    expect(await api.changeCount()).toBe(before);
    expect((await api.store.findCampaigns({ limit: 10 })).items).toEqual([]);
  });

  test('a 责任督学 who declared a conflict is replaced by another inspector of the 责任区, who gets the review', async () => {
    await api.call('duxue1', {
      method: 'POST',
      url: '/api/conflicts',
      payload: { schoolId: 's-01', reason: '子女在该校就读' },
    });
    const launched = await api.call('admin', {
      method: 'POST',
      url: '/api/campaigns',
      payload: body({ deadline: new Date(Date.now() + 30 * 86400000).toISOString() }),
    });
    expect(launched.statusCode).toBe(201);
    const result = launched.json();
    expect(result).toMatchObject({
      launched: 3,
      failed: 0,
      assignments: {
        reassigned: [{ schoolId: 's-01', fromInspectorId: 'u-inspector-1', toInspectorId: 'u-inspector-2' }],
        unassigned: [],
      },
    });
    const task = (await api.inbox('school01', `&campaignId=${result.campaignId}`))[0]!;
    await api.call('school01', {
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      payload: { data: { a11: 30, a12: 30, a21: 'met' } },
    });
    expect((await api.inbox('duxue2', `&campaignId=${result.campaignId}`)).map((t) => t.schoolId)).toEqual([
      's-01',
    ]);
    expect(await api.inbox('duxue1', `&campaignId=${result.campaignId}`)).toEqual([]);

    const view = (
      await api.call('admin', { method: 'GET', url: `/api/campaigns/${result.campaignId}` })
    ).json();
    expect(view.campaign).toMatchObject({
      title: '2026年春季学校自评督导',
      semester: '2026年春季学期',
      targetCount: 3,
    });
    expect(view.progress).toEqual({ total: 3, running: 3, completed: 0, failed: 0, cancelled: 0 });
  });

  test('a school nobody may inspect is launched and reported as unassigned', async () => {
    await api.call('admin', {
      method: 'POST',
      url: '/api/conflicts',
      payload: { inspectorId: 'u-inspector-4', schoolId: 's-16', reason: '亲属任校长' },
    });
    const result = (
      await api.call('admin', {
        method: 'POST',
        url: '/api/campaigns',
        payload: body({ targets: { schoolIds: ['s-16'] } }),
      })
    ).json();
    expect(result.assignments).toEqual({
      reassigned: [],
      unassigned: [
        {
          schoolId: 's-16',
          schoolName: '西岭乡中心小学',
          reason: 'conflict',
          fromInspectorId: 'u-inspector-4',
        },
      ],
    });
  });

  test('parameters are checked against program.json and a past deadline is refused; nothing is launched', async () => {
    const before = await api.changeCount();
    const campaigns = (await api.store.findCampaigns({ limit: 100 })).items.length;
    const launch = (extra: Record<string, unknown>) =>
      api.call('admin', { method: 'POST', url: '/api/campaigns', payload: body(extra) });
    const unknown = await launch({ params: { selfEvalPeriods: 'P7D' } });
    expectProblem(unknown, 400, 'CAMPAIGN_ERR_PARAMS', ['errors']);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: '/params/selfEvalPeriods' })]);
    expectProblem(await launch({ params: { sampleRate: 1.5 } }), 400, 'CAMPAIGN_ERR_PARAMS', ['errors']);
    expectProblem(await launch({ params: { sampleRate: 'high' } }), 400, 'CAMPAIGN_ERR_PARAMS', ['errors']);
    expectProblem(await launch({ params: { selfEvalPeriod: '7 days' } }), 400, 'CAMPAIGN_ERR_PARAMS', [
      'errors',
    ]);
    expectProblem(await launch({ deadline: '2020-01-01T00:00:00Z' }), 400, 'CAMPAIGN_ERR_DEADLINE');
    expectProblem(await launch({ programKey: 'no-such-program' }), 404, 'PROGRAM_ERR_NOT_FOUND');
    expectProblem(await launch({ version: 99 }), 404, 'PROGRAM_ERR_NOT_FOUND');
    expectProblem(await launch({ targets: { schoolIds: ['s-01', 's-21'] } }), 400, 'CAMPAIGN_ERR_TARGETS', [
      'rejected',
    ]);
    expectProblem(await launch({ targets: { districtIds: ['d-21'] } }), 400, 'CAMPAIGN_ERR_TARGETS', [
      'rejected',
    ]);
    expectProblem(await launch({ targets: { officeId: 'o-county-2' } }), 404, 'ORG_ERR_OFFICE_NOT_FOUND');
    for (const extra of [
      { title: '' },
      { title: 'x'.repeat(201) },
      { targets: { schoolIds: [{ $gt: '' }] } },
      { targets: { schoolTypes: ['university'] } },
      { targets: {}, extra: true },
      { params: { nested: { $gt: '' } } },
      { deadline: 'next week' },
    ]) {
      expectProblem(await launch(extra), 400, 'REQ_ERR_VALIDATION', ['errors']);
    }
    expect((await api.store.findCampaigns({ limit: 100 })).items).toHaveLength(campaigns);
    expect(await api.changeCount()).toBe(before);
  });

  test('a launch interrupted before its instances were written is finished at the next start, once', async () => {
    const admin = (await api.store.getUserByUsername('admin'))!;
    const crashing = new Proxy(api.store, {
      get(target, property, receiver) {
        if (property === 'createInstances')
          return async () => Promise.reject(new Error('进程在下发中途崩溃'));
        return Reflect.get(target, property, receiver);
      },
    }) as Store;
    const crashed = createServices(crashing);
    await expect(
      crashed.launcher.launch(
        await crashed.scopes.of(admin),
        { user: admin, requestId: null, ip: null },
        {
          programKey: 'kaixue-basic',
          title: '中断的下发',
          targets: { districtIds: ['d-3'] },
        },
      ),
    ).rejects.toThrow('进程在下发中途崩溃');
    const [campaign] = (await api.store.findCampaigns({ status: 'launching', limit: 5 })).items;
    expect(campaign).toMatchObject({ title: '中断的下发', targetCount: 4 });
    expect((await api.store.findInstances({ campaignId: campaign!.id, limit: 10 })).items).toEqual([]);

    expect(await api.services.launcher.resumeUnfinished()).toEqual([campaign!.id]);
    const view = (await api.call('admin', { method: 'GET', url: `/api/campaigns/${campaign!.id}` })).json();
    expect(view.campaign.status).toBe('active');
    expect(view.progress).toMatchObject({ total: 4, running: 4 });
    expect(await api.services.launcher.resumeUnfinished()).toEqual([]);
  });

  test('the older launch route still takes a list of schools', async () => {
    const response = await api.call('admin', {
      method: 'POST',
      url: '/api/programs/kaixue-basic/launch',
      payload: { title: '开学督导', schoolIds: ['s-04'] },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ launched: 1, campaignId: expect.stringMatching(/^c_/) });
  });
});

describe('watching and steering a campaign', () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = await api.launch('kaixue-basic', ['s-11', 's-12', 's-14'], { selfCheckPeriod: 'PT0S' });
    const task = (await api.inbox('school11', `&campaignId=${campaignId}`))[0]!;
    const { basicSelfCheck } = await import('./kaixue-submissions.js');
    const done = await api.call('school11', {
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      payload: { data: basicSelfCheck() },
    });
    expect(done.statusCode).toBe(200);
  });

  test('progress is counted by status, 责任区 and school type', async () => {
    const rows = (
      await api.call('admin', {
        method: 'GET',
        url: `/api/campaigns/${campaignId}/progress?groupBy=districtId,schoolType`,
      })
    ).json().rows;
    expect(rows).toEqual([
      { districtId: 'd-2', districtName: '第二责任区（东部乡镇）', schoolType: 'kindergarten', count: 1 },
      { districtId: 'd-2', districtName: '第二责任区（东部乡镇）', schoolType: 'nine_year', count: 1 },
      { districtId: 'd-2', districtName: '第二责任区（东部乡镇）', schoolType: 'primary', count: 1 },
    ]);
    const byStatus = (
      await api.call('admin', { method: 'GET', url: `/api/campaigns/${campaignId}/progress` })
    ).json();
    expect(byStatus.rows).toEqual([{ status: 'running', count: 3 }]);
  });

  test('the overdue list and the 未提交名单 show the schools still on their first task', async () => {
    const overdue = (
      await api.call('admin', { method: 'GET', url: `/api/campaigns/${campaignId}/overdue` })
    ).json();
    expect(overdue.items.map((item: { schoolId: string }) => item.schoolId).sort()).toEqual(['s-12', 's-14']);
    expect(overdue.items[0]).toMatchObject({ name: '学校开学工作自查', overdueDays: 0 });
    const missing = (
      await api.call('admin', { method: 'GET', url: `/api/campaigns/${campaignId}/not-submitted` })
    ).json();
    expect(missing.items.map((item: { schoolName: string }) => item.schoolName).sort()).toEqual([
      '东河镇中心幼儿园',
      '东河镇九年一贯制学校',
    ]);
  });

  test('remind-all sends one in-app notification to each school on the 未提交名单', async () => {
    const reminded = await api.call('admin', {
      method: 'POST',
      url: `/api/campaigns/${campaignId}/remind`,
      payload: { message: '请于今日下班前提交开学工作自查表。' },
    });
    expect(reminded.json()).toEqual({ reminded: 2 });
    const inbox = (await api.call('school12', { method: 'GET', url: '/api/notifications' })).json();
    expect(inbox.items).toEqual([
      expect.objectContaining({
        message: '请于今日下班前提交开学工作自查表。',
        campaignId,
        senderId: 'u-admin',
      }),
    ]);
    expect((await api.call('school11', { method: 'GET', url: '/api/notifications' })).json().items).toEqual(
      [],
    );
  });

  test('cancelling closes every instance and empties the inboxes; reminders stop', async () => {
    const cancelled = await api.call('admin', {
      method: 'POST',
      url: `/api/campaigns/${campaignId}/cancel`,
      payload: { reason: '上级通知暂停本次督导' },
    });
    expect(cancelled.json()).toEqual({ cancelled: 3 });
    for (const username of ['school12', 'school14', 'duxue3']) {
      expect(await api.inbox(username, `&campaignId=${campaignId}`)).toEqual([]);
    }
    const view = (await api.call('admin', { method: 'GET', url: `/api/campaigns/${campaignId}` })).json();
    expect(view.campaign.status).toBe('cancelled');
    expect(view.progress).toMatchObject({ cancelled: 3, running: 0 });
    expect(
      (
        await api.call('admin', {
          method: 'POST',
          url: `/api/campaigns/${campaignId}/cancel`,
          payload: { reason: '再次' },
        })
      ).json(),
    ).toEqual({
      cancelled: 0,
    });
    expectProblem(
      await api.call('admin', { method: 'POST', url: `/api/campaigns/${campaignId}/remind`, payload: {} }),
      409,
      'CAMPAIGN_ERR_CLOSED',
    );
  });

  test('the campaign list shows this office’s campaigns, newest first', async () => {
    const list = (
      await api.call('admin', { method: 'GET', url: '/api/campaigns?programKey=kaixue-basic' })
    ).json();
    expect(list.items[0]).toMatchObject({ id: campaignId, status: 'cancelled' });
    expect((await api.call('admin2', { method: 'GET', url: '/api/campaigns' })).json().items).toEqual([]);
  });

  test('outside the launching office nothing about the campaign can be read or done', async () => {
    await api.cookie('admin2');
    const before = await api.changeCount();
    for (const [method, url, payload] of [
      ['GET', `/api/campaigns/${campaignId}`, undefined],
      ['GET', `/api/campaigns/${campaignId}/progress`, undefined],
      ['GET', `/api/campaigns/${campaignId}/overdue`, undefined],
      ['GET', `/api/campaigns/${campaignId}/not-submitted`, undefined],
      ['POST', `/api/campaigns/${campaignId}/remind`, {}],
      ['POST', `/api/campaigns/${campaignId}/cancel`, { reason: '越权' }],
    ] as const) {
      expectDenied(await api.call('admin2', { method, url, ...(payload ? { payload } : {}) }), [
        '东河镇',
        '开学',
      ]);
      for (const username of ['school12', 'duxue3']) {
        expectProblem(
          await api.call(username, { method, url, ...(payload ? { payload } : {}) }),
          403,
          'AUTH_ERR_FORBIDDEN',
        );
      }
    }
    expect(await api.changeCount()).toBe(before);
  });

  test('bad campaign ids and queries are a 400', async () => {
    for (const url of [
      '/api/campaigns/%7B%22%24gt%22%3A%22%22%7D',
      `/api/campaigns/${campaignId}/progress?groupBy=status,password`,
      `/api/campaigns/${campaignId}/overdue?limit=1000`,
      '/api/campaigns?status=all',
    ]) {
      expectProblem(await api.call('admin', { method: 'GET', url }), 400, 'REQ_ERR_VALIDATION', ['errors']);
    }
  });
});
