import {
  checkFile,
  compileForm,
  DEFAULT_MAX_FILE_SIZE,
  type FileRef,
  fileComponents,
  fileLimitsOf,
  fileReferences,
  resolveFileReferences,
  validateSubmission,
} from '@ddt/forms';

const photo = (id: string, extra: Partial<FileRef> = {}): FileRef => ({
  id,
  name: `${id}.jpg`,
  size: 2048,
  type: 'image/jpeg',
  hash: '',
  ...extra,
});

const form = compileForm({
  components: [
    {
      type: 'file',
      key: 'licence',
      label: '办园许可证',
      input: true,
      storage: 'url',
      filePattern: '.pdf,image/*',
      fileMaxSize: '2MB',
    },
    {
      type: 'datagrid',
      key: 'rooms',
      label: '房间',
      input: true,
      components: [
        { type: 'textfield', key: 'room', label: '房间号', input: true },
        {
          type: 'file',
          key: 'photos',
          label: '照片',
          input: true,
          multiple: true,
          properties: { maxFiles: '2' },
        },
      ],
    },
  ],
});

describe('file limits', () => {
  test('come from fileMaxSize, fileMinSize, filePattern and multiple, with safe defaults', () => {
    expect(fileLimitsOf({ type: 'file', key: 'f' })).toEqual({
      maxSize: DEFAULT_MAX_FILE_SIZE,
      minSize: 1,
      maxCount: 1,
      extensions: [
        '.jpg',
        '.jpeg',
        '.png',
        '.heic',
        '.heif',
        '.pdf',
        '.doc',
        '.docx',
        '.xls',
        '.xlsx',
        '.ppt',
        '.pptx',
      ],
    });
    expect(
      fileLimitsOf({ type: 'file', key: 'f', fileMaxSize: '2MB', filePattern: '.pdf,image/*' }),
    ).toMatchObject({
      maxSize: 2 * 1024 * 1024,
      extensions: ['.jpg', '.jpeg', '.png', '.heic', '.heif', '.pdf'],
    });
    expect(fileLimitsOf({ type: 'file', key: 'f', multiple: true }).maxCount).toBe(20);
    expect(fileLimitsOf({ type: 'file', key: 'f', filePattern: '.zip,.exe' }).extensions).toEqual([]);
  });

  test('reject oversize, empty and wrong-type files', () => {
    const limits = fileLimitsOf({ type: 'file', key: 'f', fileMaxSize: '1MB' });
    expect(checkFile(limits, { name: '现场.JPG', size: 1000, type: 'image/jpeg' })).toBeUndefined();
    expect(checkFile(limits, { name: 'IMG_0001.HEIC', size: 1000, type: '' })).toBeUndefined();
    expect(checkFile(limits, { name: '大图.jpg', size: 2 * 1024 * 1024, type: 'image/jpeg' })).toBe('size');
    expect(checkFile(limits, { name: '空.pdf', size: 0, type: 'application/pdf' })).toBe('size');
    expect(checkFile(limits, { name: 'setup.exe', size: 1000, type: 'application/octet-stream' })).toBe(
      'type',
    );
    expect(checkFile(limits, { name: '伪装.pdf', size: 1000, type: 'text/html' })).toBe('type');
  });

  test('are listed per file component of a form', () => {
    expect(
      fileComponents(form).map(({ path, componentKey, limits }) => [path, componentKey, limits.maxCount]),
    ).toEqual([
      ['licence', 'licence', 1],
      ['rooms.photos', 'photos', 2],
    ]);
  });
});

describe('file references in a submission', () => {
  const submitted = {
    licence: [
      { ...photo('f1'), storage: 'url', url: 'https://elsewhere.example/f1', originalName: '许可证.jpg' },
    ],
    rooms: [
      { room: '101', photos: [photo('f2'), photo('f3')] },
      { room: '102', photos: [] },
    ],
  };

  test('are reduced to id, name, size, type and hash, and grouped per component and row', () => {
    const result = validateSubmission(form, submitted);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.licence).toEqual([
      { id: 'f1', name: '许可证.jpg', size: 2048, type: 'image/jpeg', hash: '' },
    ]);
    expect(
      fileReferences(form, result.data).map((group) => [group.path, group.files.map((file) => file.id)]),
    ).toEqual([
      ['licence', ['f1']],
      ['rooms[0].photos', ['f2', 'f3']],
      ['rooms[1].photos', []],
    ]);
  });

  test('that are not file references are type errors', () => {
    const result = validateSubmission(form, { licence: [{ id: '' }] });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'licence', key: 'licence', rule: 'type', message: '办园许可证中的文件信息无效。' }],
    });
  });

  test("resolve against the server's own records, which replace what the client sent", () => {
    const stored = new Map([
      ['f1', photo('f1', { name: '许可证.jpg', size: 4096, hash: 'sha256:aa' })],
      ['f2', photo('f2', { hash: 'sha256:bb' })],
      ['f3', photo('f3', { hash: 'sha256:cc' })],
    ]);
    const result = resolveFileReferences(form, submitted, (id) => stored.get(id));
    expect(result.ok && result.data.licence).toEqual([
      { id: 'f1', name: '许可证.jpg', size: 4096, type: 'image/jpeg', hash: 'sha256:aa' },
    ]);
  });

  test("refuse another school's file, an oversize or wrong-type file, and too many files", () => {
    const ours = new Map([
      ['f1', photo('f1', { size: 3 * 1024 * 1024 })],
      ['f2', photo('f2', { name: '脚本.js', type: 'text/javascript' })],
      ['f3', photo('f3')],
      ['f4', photo('f4')],
    ]);
    const data = {
      licence: [photo('f1')],
      rooms: [{ room: '101', photos: [photo('f2'), photo('other-school-file'), photo('f3')] }],
    };
    const result = resolveFileReferences(form, data, (id) => ours.get(id));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(({ path, rule }) => `${path}:${rule}`)).toEqual([
      'licence:fileSizeExceeded',
      'rooms[0].photos:fileCountExceeded',
      'rooms[0].photos:fileTypeNotAllowed',
      'rooms[0].photos:fileNotFound',
    ]);
    expect(!result.ok && result.errors[0]!.message).toBe(
      '办园许可证中的文件“f1.jpg”超出大小限制（最大 2 MB）。',
    );
    expect(!result.ok && result.errors[3]!.message).toBe(
      '照片引用的文件“other-school-file.jpg”不存在或无权使用。',
    );
  });
});
