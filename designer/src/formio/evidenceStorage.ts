import { parseProblem, UNAUTHENTICATED_EVENT } from '../api/client.js';
import type { FileView } from '../api/types.js';

/** What Form.io's file component keeps as the value of one uploaded file. */
export interface FormioFileValue {
  storage: 'url';
  name: string;
  url: string;
  size: number;
  type: string;
  /** Our file id, read by the server's `toFileRef` (also kept under `data`). */
  id: string;
  data: FileView;
  originalName?: string;
  hash?: string;
}

type ProgressCallback = (event: ProgressEvent) => void;
type AbortRegistration = (abort: () => void) => void;

/**
 * Form.io's storage provider for `storage: "url"` file components, replacing its stock `url` provider.
 * The stock one adds `baseUrl`/`project`/`form` to the query and prefixes a relative answer URL with the
 * upload URL (`/api/files/api/files/…`); ours posts only the `file` field to the component's URL, which
 * `prepareTaskForm` sets to `/api/files?taskId=…&component=…`, takes our `FileView` answer as it is, and
 * turns a refusal into the server's Chinese message (size, type, count), which Form.io shows on the file.
 *
 * Form.io calls it with `new`, so it is a plain function returning the provider object.
 */
export function evidenceStorage() {
  return {
    title: '印证材料',
    name: 'url',
    uploadFile(
      file: File,
      name: string,
      _dir: string,
      progressCallback: ProgressCallback | undefined,
      url: string,
      _options: unknown,
      fileKey: string | undefined,
      _groupPermissions: unknown,
      _groupId: unknown,
      abortCallback: AbortRegistration | undefined,
    ): Promise<FormioFileValue> {
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        const body = new FormData();
        body.append(fileKey || 'file', file, file.name);
        if (progressCallback) xhr.upload.onprogress = progressCallback;
        abortCallback?.(() => xhr.abort());
        xhr.onload = () => {
          if (xhr.status >= 200 && xhr.status < 300) {
            let view: FileView;
            try {
              view = JSON.parse(xhr.responseText) as FileView;
            } catch {
              reject('服务器返回了无法识别的答复，请重试。');
              return;
            }
            resolve({
              storage: 'url',
              name,
              url: view.url,
              size: view.size,
              type: view.type,
              id: view.id,
              data: view,
            });
            return;
          }
          if (xhr.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
          const problem = parseProblem(xhr.status, xhr.responseText);
          reject(problem.detail || problem.title || `上传失败（HTTP ${xhr.status}）`);
        };
        xhr.onerror = () => reject('无法连接服务器，文件未上传，请检查网络后重试。');
        xhr.onabort = () => reject({ type: 'abort' });
        xhr.open('POST', url);
        xhr.withCredentials = true;
        xhr.send(body);
      });
    },
    /** Links point at `/api/files/:id`, which the server answers only for users who may see the submission. */
    downloadFile(file: FormioFileValue): Promise<FormioFileValue> {
      return Promise.resolve(file);
    },
    /**
     * Removing a file from the field only drops the reference: the server keeps uploads (a submission may
     * reference only its own task's files, and their count per field is bounded), so there is nothing to call.
     */
    deleteFile(): Promise<string> {
      return Promise.resolve('removed');
    },
  };
}
