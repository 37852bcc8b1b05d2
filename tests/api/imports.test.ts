import { createServices } from '@ddt/server';
import type { Store } from '@ddt/store';
import ExcelJS from 'exceljs';
import { ApiPlatform, expectDenied, expectProblem } from './support/api-platform.js';
import { multipart } from './support/multipart.js';

let api: ApiPlatform;
beforeAll(async () => {
  api = await ApiPlatform.start();
});
afterAll(() => api.stop());

const SCHOOL_HEADER = '学校标识码,学校名称,学校类型,办学性质,责任区,责任督学账号,地址,联系方式';

function upload(username: string, kind: string, content: Buffer | string, query = '', name = 'import.csv') {
  return api.call(username, {
    method: 'POST',
    url: `/api/imports/${kind}${query}`,
    ...multipart([{ name, content, type: name.endsWith('.xlsx') ? 'application/octet-stream' : 'text/csv' }]),
  });
}

/** GB18030 bytes of a text, as Excel on Chinese Windows saves a CSV (built from Node's own decoder). */
function gb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return Buffer.from(
    [...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : table.get(char)!)),
  );
}

describe('school imports', () => {
  const bad = [
    SCHOOL_HEADER,
    '3601240001,青山县新村小学,小学,公办,第一责任区（城区）,duxue1,新村路 1 号,',
    '3601240002,青山县新村中学,大学,公办,第一责任区（城区）,,,',
    '3601240001,重复的学校,小学,公办,第一责任区（城区）,,,',
    's-21,临河县的学校,小学,公办,第一责任区（城区）,,,',
    '3601240003,青山县新村幼儿园,幼儿园,集体,第九责任区,duxue21,,',
    '{"$gt": ""},注入,小学,公办,第一责任区（城区）,,,',
  ].join('\n');

  test('a dry run reports every bad row with its row number, column and reason, and writes nothing', async () => {
    const before = await api.changeCount();
    const report = await upload('admin', 'schools', bad);
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({ dryRun: true, rows: 6, jobId: null });
    const errors = report
      .json()
      .errors.map((error: { row: number; column: string }) => [error.row, error.column]);
    expect(errors).toEqual([
      [4, '学校标识码'],
      [3, '学校类型'],
      [5, '学校标识码'],
      [6, '办学性质'],
      [6, '责任区'],
      [6, '责任督学账号'],
      [7, '学校标识码'],
    ]);
    expect(report.json().errors[0].message).toContain('第 2 行');
    expect(await api.store.getSchool('3601240001')).toBeNull();
    expect(await api.changeCount()).toBe(before);
  });

  test('an import with a bad row imports nothing at all', async () => {
    const before = await api.changeCount();
    const response = await upload('admin', 'schools', bad, '?dryRun=false');
    expectProblem(response, 400, 'IMPORT_ERR_INVALID', ['errors']);
    expect(response.json().errors[0]).toMatchObject({
      row: 4,
      column: '学校标识码',
      path: '第4行/学校标识码',
    });
    expect(await api.store.getSchool('3601240001')).toBeNull();
    expect(await api.changeCount()).toBe(before);
  });

  test('a good CSV (UTF-8 with BOM, or GB18030 from Excel) imports every row and is audited as one job', async () => {
    const good = [
      SCHOOL_HEADER,
      '3601240001,青山县新村小学 𠀀𪚥,小学,公办,第一责任区（城区）,duxue1,新村路 1 号,0791-000001',
      '3601240002,青山县新村初级中学,初中,民办,第二责任区（东部乡镇）,,,',
    ].join('\r\n');
    const response = await upload('admin', 'schools', `\uFEFF${good}`, '?dryRun=false');
    expect(response.json()).toMatchObject({ dryRun: false, rows: 2, created: 2, updated: 0, errors: [] });
    expect(await api.store.getSchool('3601240001')).toMatchObject({
      name: '青山县新村小学 𠀀𪚥',
      inspectorId: 'u-inspector-1',
      officePath: '/o-province/o-city/o-county/',
      address: '新村路 1 号',
    });
    const status = await api.call('admin', { method: 'GET', url: `/api/imports/${response.json().jobId}` });
    expect(status.json()).toMatchObject({ kind: 'schools', status: 'completed', rows: 2 });

    const gbk = gb18030(
      [SCHOOL_HEADER, '3601240002,青山县新村初级中学（更名）,初中,民办,第二责任区（东部乡镇）,,,'].join('\n'),
    );
    const again = await upload('admin', 'schools', gbk, '?dryRun=false');
    expect(again.json()).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect((await api.store.getSchool('3601240002'))?.name).toBe('青山县新村初级中学（更名）');
  });

  test('an XLSX sheet imports the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('学校');
    sheet.addRow(SCHOOL_HEADER.split(','));
    sheet.addRow([
      '3601240009',
      '青山县桥头小学',
      '小学',
      '公办',
      '第三责任区（西部乡镇）',
      'duxue4',
      '',
      '',
    ]);
    sheet.addRow([
      3601240010,
      '青山县桥头幼儿园',
      '幼儿园',
      '民办',
      '第三责任区（西部乡镇）',
      '',
      '桥头村',
      '',
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload('admin', 'schools', bytes, '?dryRun=false', '学校名单.xlsx');
    expect(response.json()).toMatchObject({ created: 2, errors: [] });
    expect(await api.store.getSchool('3601240010')).toMatchObject({
      type: 'kindergarten',
      ownership: 'private',
      address: '桥头村',
    });
  });
});

describe('inspector and 挂牌 imports', () => {
  test('new inspectors get a generated password, shown once, that works', async () => {
    const sheet = ['账号,姓名,类型,初始密码', 'duxue9,孙亮,专职,', 'duxue10,吴敏,兼职,Inspect2026'].join(
      '\n',
    );
    const response = await upload('admin', 'inspectors', sheet, '?dryRun=false');
    expect(response.json()).toMatchObject({ created: 2, errors: [] });
    const [generated] = response.json().generatedPasswords;
    expect(generated).toMatchObject({
      username: 'duxue9',
      password: expect.stringMatching(/^[A-Za-z0-9]{12}$/),
    });
    const login = await api.platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'duxue9', password: generated.password },
    });
    expect(login.json().user).toMatchObject({
      displayName: '孙亮',
      role: 'inspector',
      post: 'full_time',
      officeId: 'o-county',
    });
    const taken = await upload('admin', 'inspectors', '账号,姓名\nschool01,冒名', '?dryRun=false');
    expectProblem(taken, 400, 'IMPORT_ERR_INVALID', ['errors']);
  });

  test('挂牌 assignments refuse a conflicted pair and apply otherwise', async () => {
    await api.call('admin', {
      method: 'POST',
      url: '/api/conflicts',
      payload: { inspectorId: 'u-inspector-2', schoolId: 's-03', reason: '亲属' },
    });
    const refused = await upload(
      'admin',
      'assignments',
      '学校标识码,责任督学账号\ns-03,duxue2\ns-04,duxue2',
      '?dryRun=false',
    );
    expectProblem(refused, 400, 'IMPORT_ERR_INVALID', ['errors']);
    expect(refused.json().errors).toEqual([expect.objectContaining({ row: 2, column: '责任督学账号' })]);
    expect((await api.store.getSchool('s-04'))?.inspectorId).toBe('u-inspector-1');
    const applied = await upload(
      'admin',
      'assignments',
      '学校标识码,责任督学账号\ns-04,duxue2\ns-05,',
      '?dryRun=false',
    );
    expect(applied.json()).toMatchObject({ updated: 2, errors: [] });
    expect((await api.store.getSchool('s-04'))?.inspectorId).toBe('u-inspector-2');
    expect((await api.store.getSchool('s-05'))?.inspectorId).toBeNull();
  });
});

describe('an import interrupted half-way', () => {
  test('is finished at the next start: the job is unfinished until then, and then every row is written', async () => {
    const admin = (await api.store.getUserByUsername('admin'))!;
    let writes = 0;
    const crashing = new Proxy(api.store, {
      get(target, property, receiver) {
        if (property === 'putSchool') {
          return async (school: Parameters<Store['putSchool']>[0]) => {
            writes += 1;
            if (writes === 2) throw new Error('进程在导入中途崩溃');
            return target.putSchool(school);
          };
        }
        return Reflect.get(target, property, receiver);
      },
    }) as Store;
    const crashed = createServices(crashing);
    const sheet = [
      SCHOOL_HEADER,
      ...[1, 2, 3].map((n) => `36012500${n}0,中断测试学校${n},小学,公办,第一责任区（城区）,,,`),
    ].join('\n');
    await expect(
      crashed.imports.run(
        await crashed.scopes.of(admin),
        { user: admin, requestId: 'crash-test', ip: null },
        {
          kind: 'schools',
          fileName: 'crash.csv',
          bytes: Buffer.from(sheet),
          dryRun: false,
        },
      ),
    ).rejects.toThrow('进程在导入中途崩溃');
    expect(await api.store.getSchool('3601250010')).not.toBeNull();
    expect(await api.store.getSchool('3601250020')).toBeNull();
    const jobId = (await api.store.findAudit({ action: 'import.started', limit: 1 })).items[0]!.target.slice(
      'import:'.length,
    );
    expect((await api.call('admin', { method: 'GET', url: `/api/imports/${jobId}` })).json().status).toBe(
      'unfinished',
    );

    expect(await api.services.imports.resumeUnfinished()).toEqual([jobId]);
    for (const id of ['3601250010', '3601250020', '3601250030'])
      expect(await api.store.getSchool(id)).not.toBeNull();
    expect((await api.call('admin', { method: 'GET', url: `/api/imports/${jobId}` })).json().status).toBe(
      'completed',
    );
    expect(await api.services.imports.resumeUnfinished()).toEqual([]);
  });
});

describe('who may import, and bad uploads', () => {
  test('only office users import, only into their subtree, and jobs of others are not found', async () => {
    const sheet = `${SCHOOL_HEADER}\n3601260001,越权学校,小学,公办,临河县第一责任区,,,`;
    for (const username of ['school01', 'duxue1']) {
      expectProblem(await upload(username, 'schools', sheet), 403, 'AUTH_ERR_FORBIDDEN');
    }
    expectDenied(await upload('admin2', 'schools', sheet, '?officeId=o-county&dryRun=false'), ['青山县']);
    const job = (await api.store.findAudit({ action: 'import.started', limit: 1 })).items[0]!.target.slice(7);
    expectDenied(await api.call('admin2', { method: 'GET', url: `/api/imports/${job}` }));
    expect(await api.store.getSchool('3601260001')).toBeNull();
  });

  test('unknown kinds, missing files, non-multipart bodies, oversize and unreadable files are refused', async () => {
    const before = await api.changeCount();
    expectProblem(await upload('admin', 'teachers', 'x'), 400, 'REQ_ERR_VALIDATION', ['errors']);
    expectProblem(await upload('admin', 'schools', 'x', '?dryRun=perhaps'), 400, 'REQ_ERR_VALIDATION', [
      'errors',
    ]);
    const json = await api.call('admin', {
      method: 'POST',
      url: '/api/imports/schools',
      payload: { rows: [] },
    });
    expectProblem(json, 415, 'REQ_ERR_MEDIA_TYPE');
    const empty = await api.call('admin', {
      method: 'POST',
      url: '/api/imports/schools',
      payload: '------b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=----b' },
    });
    expectProblem(empty, 400, 'FILE_ERR_MISSING');
    expectProblem(
      await upload('admin', 'schools', Buffer.alloc(6 * 1024 * 1024, 0x41)),
      413,
      'FILE_ERR_TOO_LARGE',
    );
    expectProblem(
      await upload('admin', 'schools', Buffer.from([0x50, 0x4b, 1, 2, 3]), '', 'x.xlsx'),
      400,
      'IMPORT_ERR_FILE',
    );
    expectProblem(await upload('admin', 'schools', '\n\n'), 400, 'IMPORT_ERR_FILE');
    const missingColumns = await upload('admin', 'schools', '学校名称\n某校');
    expect(missingColumns.json().errors.map((error: { column: string }) => error.column)).toEqual([
      '学校标识码',
      '学校类型',
      '办学性质',
      '责任区',
    ]);
    expect(await api.changeCount()).toBe(before);
  });
});
