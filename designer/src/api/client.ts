import type { FieldError, Problem } from './types.js';

/** Fired on `window` when the server answers 401, so the session can send the user back to the login page. */
export const UNAUTHENTICATED_EVENT = 'ddt:unauthenticated';

/** An API answer that was not 2xx, carrying the server's coded problem (Chinese `title`/`detail`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  /** The checks' findings when a program bundle is refused (`PROGRAM_ERR_INVALID`, `PROGRAM_ERR_MANIFEST`). */
  readonly problems: unknown[];

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `请求失败（HTTP ${status}）`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? 'HTTP_ERR_UNKNOWN';
    this.fieldErrors = (problem.errors ?? []).flatMap(toFieldError);
    this.problems = Array.isArray(problem.problems) ? problem.problems : [];
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

/** Reads a problem body from an error answer (JSON text of a fetch or an XHR). */
export function parseProblem(status: number, text: string): Problem {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object') return body as Problem;
  } catch {
    // fall through
  }
  return { title: `服务器返回了无法识别的答复（HTTP ${status}）。` };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Lets the request finish after the page is left (a last draft save). */
  keepalive?: boolean;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, NETWORK_PROBLEM);
  }
  if (!response.ok) {
    const error = new ApiError(response.status, parseProblem(response.status, await response.text()));
    if (response.status === 401 && path !== '/auth/login' && path !== '/auth/password')
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    throw error;
  }
  return response;
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Calls the API on the same origin with a JSON body and returns the parsed JSON answer (undefined for 204). */
export async function apiRequest<T>(
  method: HttpMethod,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(path, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
    ...(options.keepalive ? { keepalive: true } : {}),
  });
  return readBody<T>(response);
}

/** Sends files as multipart/form-data (imports, program bundles); the browser sets the boundary. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const response = await send(path, { method: 'POST', body: form });
  return readBody<T>(response);
}

/** A query string from the defined entries of `params` (`?a=1&b=x`), or '' when none is defined. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The message to show for any error thrown while talking to the API. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '发生了意外错误，请刷新页面后重试。';
}
