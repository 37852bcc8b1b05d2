import type { FieldError, Problem } from './types.js';

/** Fired on `window` when the server answers 401, so the session can send the user back to the login page. */
export const UNAUTHENTICATED_EVENT = 'ddt:unauthenticated';

/** An API answer that was not 2xx, carrying the server's coded problem (Chinese `title`/`detail`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `请求失败（HTTP ${status}）`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? 'HTTP_ERR_UNKNOWN';
    this.fieldErrors = (problem.errors ?? []).flatMap(toFieldError);
  }
}

function toFieldError(entry: unknown): FieldError[] {
  if (!entry || typeof entry !== 'object') return [];
  const { path, key, rule, message } = entry as Record<string, unknown>;
  if (typeof message !== 'string') return [];
  return [
    {
      path: typeof path === 'string' ? path : '',
      message,
      ...(typeof key === 'string' ? { key } : {}),
      ...(typeof rule === 'string' ? { rule } : {}),
    },
  ];
}

const NETWORK_PROBLEM: Problem = { code: 'NET_ERR_UNREACHABLE', title: '无法连接服务器，请检查网络后重试。' };

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as Problem) : {};
  } catch {
    return { title: `服务器返回了无法识别的答复（HTTP ${response.status}）。` };
  }
}

/** Calls the API on the same origin and returns the parsed JSON body (undefined for 204). */
export async function apiRequest<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, NETWORK_PROBLEM);
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await readProblem(response));
    if (response.status === 401 && path !== '/auth/login')
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The message to show for any error thrown while talking to the API. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '发生了意外错误，请刷新页面后重试。';
}
