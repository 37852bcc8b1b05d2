import { ApiPlatform, expectProblem } from './support/api-platform.js';
import { multipart } from './support/multipart.js';

/**
 * api-pingjia end to end: a school saves a draft, uploads evidence, submits a scored self-evaluation;
 * a passing score goes to the 责任督学, who returns it (退回) with a comment; the school redoes it and
 * the reviewer passes it. A failing score goes to rectification instead.
 */
let api: ApiPlatform;
beforeAll(async () => {
  api = await ApiPlatform.start();
});
afterAll(() => api.stop());

const passing = { a11: 28, a12: 27, a21: 'met', summary: '校舍、设施和安全制度均已落实。' };

function pdf(bytes = 200): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes, 0x20)]);
}

async function upload(
  username: string,
  taskId: string,
  name: string,
  content: Buffer,
  type = 'application/pdf',
) {
  return api.call(username, {
    method: 'POST',
    url: `/api/files?taskId=${encodeURIComponent(taskId)}&component=evidence`,
    ...multipart([{ name, content, type }]),
  });
}

async function selfEvalTask(username: string) {
  const task = (await api.inbox(username, '&programKey=api-pingjia')).find(
    (item) => item.name === '学校自评',
  );
  if (!task) throw new Error(`no self-evaluation for ${username}`);
  return task;
}

describe('a scored self-evaluation with evidence, returned once and then passed', () => {
  let campaignId: string;
  let taskId: string;

  beforeAll(async () => {
    campaignId = await api.launch('api-pingjia', ['s-01', 's-02']);
    taskId = (await selfEvalTask('school01')).id;
  });

  test('a draft saves anything, is given back with the task, and the last save wins', async () => {
    for (const summary of ['第一稿', '第二稿 𠀀𪚥']) {
      const saved = await api.call('school01', {
        method: 'PUT',
        url: `/api/tasks/${taskId}/draft`,
        payload: { data: { a11: 'not yet a number', summary } },
      });
      expect(saved.statusCode).toBe(200);
    }
    const detail = (await api.call('school01', { method: 'GET', url: `/api/tasks/${taskId}` })).json();
    expect(detail.draft).toEqual({ a11: 'not yet a number', summary: '第二稿 𠀀𪚥' });
    expect(detail.task).toMatchObject({ claimable: true, claimedBy: null, status: 'open' });
    expect(detail.returnable).toBe(false);
  });

  test('evidence over the component limit, of a wrong type, or for another school is refused', async () => {
    const before = await api.changeCount();
    expectProblem(await upload('school01', taskId, '报告.pdf', pdf(2000)), 413, 'FILE_ERR_TOO_LARGE');
    expectProblem(
      await upload('school01', taskId, '脚本.exe', pdf(10), 'application/octet-stream'),
      415,
      'FILE_ERR_TYPE',
    );
    expectProblem(await upload('school01', taskId, '伪装.pdf', pdf(10), 'image/png'), 415, 'FILE_ERR_TYPE');
    expectProblem(await upload('school01', taskId, '空.pdf', Buffer.alloc(0)), 400, 'FILE_ERR_EMPTY');
    expectProblem(await upload('school02', taskId, '别校.pdf', pdf(10)), 404, 'WF_ERR_TASK_NOT_FOUND');
    const wrongComponent = await api.call('school01', {
      method: 'POST',
      url: `/api/files?taskId=${encodeURIComponent(taskId)}&component=summary`,
      ...multipart([{ name: 'a.pdf', content: pdf(10), type: 'application/pdf' }]),
    });
    expectProblem(wrongComponent, 400, 'FILE_ERR_COMPONENT');
    const notMultipart = await api.call('school01', {
      method: 'POST',
      url: `/api/files?taskId=${encodeURIComponent(taskId)}&component=evidence`,
      payload: { file: 'x' },
    });
    expect([406, 415]).toContain(notMultipart.statusCode);
    expect(await api.changeCount()).toBe(before);
  });

  test('a submission is validated, its files checked and stored with a hash, and it is scored', async () => {
    const uploaded = await upload('school01', taskId, '校舍安全检查表.pdf', pdf(300));
    expect(uploaded.statusCode).toBe(201);
    const file = uploaded.json();
    expect(file).toMatchObject({ name: '校舍安全检查表.pdf', size: 309, type: 'application/pdf' });
    expect(file.hash).toMatch(/^sha256:[0-9a-f]{64}$/);

    const otherTask = (await selfEvalTask('school02')).id;
    const foreign = (await upload('school02', otherTask, '别校.pdf', pdf(10))).json();
    const withForeign = await api.call('school01', {
      method: 'POST',
      url: `/api/tasks/${taskId}/complete`,
      payload: { data: { ...passing, evidence: [file, foreign] } },
    });
    expectProblem(withForeign, 400, 'FORM_ERR_INVALID', ['errors']);
    expect(withForeign.json().errors).toEqual([
      expect.objectContaining({ path: 'evidence', rule: 'fileNotFound' }),
    ]);

    const extra = await Promise.all(
      ['b.pdf', 'c.jpg'].map((name) =>
        upload('school01', taskId, name, pdf(20), name.endsWith('.jpg') ? 'image/jpeg' : 'application/pdf'),
      ),
    );
    const tooMany = await api.call('school01', {
      method: 'POST',
      url: `/api/tasks/${taskId}/complete`,
      payload: { data: { ...passing, evidence: [file, ...extra.map((response) => response.json())] } },
    });
    expectProblem(tooMany, 400, 'FORM_ERR_INVALID', ['errors']);
    expect(tooMany.json().errors).toEqual([
      expect.objectContaining({ path: 'evidence', rule: 'fileCountExceeded' }),
    ]);

    const invalid = await api.call('school01', {
      method: 'POST',
      url: `/api/tasks/${taskId}/complete`,
      payload: { data: { ...passing, a11: 31 } },
    });
    expectProblem(invalid, 400, 'FORM_ERR_INVALID', ['errors']);
    expect(invalid.json().errors).toEqual([expect.objectContaining({ path: 'a11', rule: 'max' })]);

    const done = await api.call('school01', {
      method: 'POST',
      url: `/api/tasks/${taskId}/complete`,
      payload: { data: { ...passing, evidence: [{ ...file, size: 1, hash: 'forged' }] } },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().score).toMatchObject({ total: 95, maxTotal: 100, grade: '优秀', passed: true });
    const submission = await api.store.getSubmission(done.json().submissionId);
    const { url: _url, ...stored } = file;
    expect(submission?.data.evidence).toEqual([stored]);
    expect(submission?.score).toMatchObject({ total: 95, grade: '优秀' });
    expect(await api.store.getDraft(taskId)).toBeNull();
  });

  test('the score reached the process: a passing school goes to its 责任督学 for review', async () => {
    const reviews = await api.inbox('duxue1', '&programKey=api-pingjia');
    expect(reviews.map((task) => [task.name, task.schoolId])).toEqual([['责任督学审核', 's-01']]);
  });

  test('the evidence can be downloaded by the school, its inspector and the office, not by others', async () => {
    const submissionId = (await api.store.findSubmissions({ schoolId: 's-01', limit: 10 })).items[0]!.id;
    const fileId = ((await api.store.getSubmission(submissionId))!.data.evidence as { id: string }[])[0]!.id;
    for (const username of ['school01', 'duxue1', 'admin']) {
      const download = await api.call(username, { method: 'GET', url: `/api/files/${fileId}` });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.4');
    }
    for (const username of ['school02', 'duxue3', 'admin2', 'school21']) {
      expectProblem(
        await api.call(username, { method: 'GET', url: `/api/files/${fileId}` }),
        404,
        'FILE_ERR_NOT_FOUND',
      );
    }
    const reads = await api.store.findAudit({ target: `file:${fileId}`, action: 'file.read', limit: 10 });
    expect(reads.items.map((event) => event.actorId)).toEqual(['u-admin']);
  });

  test('the reviewer returns the task with a comment; the school sees it and redoes the self-evaluation', async () => {
    const review = (await api.inbox('duxue1', '&programKey=api-pingjia'))[0]!;
    const detail = (await api.call('duxue1', { method: 'GET', url: `/api/tasks/${review.id}` })).json();
    expect(detail.returnable).toBe(true);
    expect(detail.history.map((entry: { name: string }) => entry.name)).toEqual(['学校自评']);

    expectProblem(
      await api.call('duxue1', {
        method: 'POST',
        url: `/api/tasks/${review.id}/return`,
        payload: { comment: '' },
      }),
      400,
      'REQ_ERR_VALIDATION',
      ['errors'],
    );
    const returned = await api.call('duxue1', {
      method: 'POST',
      url: `/api/tasks/${review.id}/return`,
      payload: { comment: '校舍安全得分缺少检查记录，请补充后重新自评。' },
    });
    expect(returned.json()).toMatchObject({ instanceStatus: 'running' });
    expect(await api.inbox('duxue1', '&programKey=api-pingjia')).toEqual([]);

    const again = await selfEvalTask('school01');
    expect(again.id).not.toBe(taskId);
    const againDetail = (await api.call('school01', { method: 'GET', url: `/api/tasks/${again.id}` })).json();
    expect(againDetail.returns).toEqual([
      expect.objectContaining({
        comment: '校舍安全得分缺少检查记录，请补充后重新自评。',
        taskName: '责任督学审核',
      }),
    ]);

    // The first round's evidence may be referenced again after the return.
    const firstRound = (await api.store.findSubmissions({ schoolId: 's-01', limit: 10 })).items[0]!;
    const done = await api.call('school01', {
      method: 'POST',
      url: `/api/tasks/${again.id}/complete`,
      payload: { data: { ...passing, evidence: firstRound.data.evidence } },
    });
    expect(done.statusCode).toBe(200);

    const secondReview = (await api.inbox('duxue1', '&programKey=api-pingjia'))[0]!;
    const passed = await api.call('duxue1', {
      method: 'POST',
      url: `/api/tasks/${secondReview.id}/complete`,
      payload: { data: { reviewComment: '补充材料齐全，通过。' } },
    });
    expect(passed.json()).toMatchObject({ instanceStatus: 'completed' });
  });

  test('a failing key indicator fails the evaluation and sends the school to rectification', async () => {
    const task = await selfEvalTask('school02');
    const done = await api.call('school02', {
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      payload: { data: { a11: 30, a12: 30, a21: 'unmet' } },
    });
    expect(done.json().score).toMatchObject({
      passed: false,
      grade: '不合格',
      failedKeyIndicators: ['A2.1'],
    });
    expect((await api.inbox('school02', '&programKey=api-pingjia')).map((item) => item.name)).toEqual([
      '学校整改',
    ]);
  });

  test('a task whose process has no return path cannot be returned', async () => {
    await api.launch('kaixue-basic', ['s-03']);
    const selfCheck = (await api.inbox('school03', '&programKey=kaixue-basic'))[0]!;
    const before = await api.changeCount();
    const response = await api.call('school03', {
      method: 'POST',
      url: `/api/tasks/${selfCheck.id}/return`,
      payload: { comment: '退回' },
    });
    expectProblem(response, 409, 'TASK_ERR_NOT_RETURNABLE');
    expect(await api.changeCount()).toBe(before);
  });

  test('the completed list shows what the user did, newest first', async () => {
    const completed = (
      await api.call('school01', {
        method: 'GET',
        url: `/api/tasks?status=completed&campaignId=${campaignId}`,
      })
    ).json();
    expect(completed.items.map((item: { name: string; status: string }) => [item.name, item.status])).toEqual(
      [
        ['学校自评', 'completed'],
        ['学校自评', 'completed'],
      ],
    );
  });
});
