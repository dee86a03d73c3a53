import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.gen';
import { ApiError, networkProblem, toProblem } from './problem';

/**
 * The one API client, generated from the service's OpenAPI document (src/api/openapi.json, kept equal to the
 * service's by ApiSnapshotTests): a changed endpoint breaks `npm run build`, not a user. `api` adds the caller's
 * bearer token and retries once after renewing it; `anonymous` is for logging in and public pages.
 */
export const anonymous = createClient<paths>({ baseUrl: '' });
export const api = createClient<paths>({ baseUrl: '' });

type TokenSource = {
  /** A valid access token, renewed first when it is about to expire; null when nobody is signed in. */
  current(): Promise<string | null>;
  /** The service refused the token: renew it once (true) or give up (false). */
  renew(): Promise<boolean>;
};

let tokens: TokenSource = { current: async () => null, renew: async () => false };

/** Set by the session (auth.ts): where the client gets its tokens. */
export function useTokens(source: TokenSource): void {
  tokens = source;
}

const retryable = new WeakMap<Request, Request>();

const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await tokens.current();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    retryable.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const copy = retryable.get(request);
    if (response.status !== 401 || !copy || !request.headers.has('Authorization')) return response;
    if (!(await tokens.renew())) return response;
    const token = await tokens.current();
    if (!token) return response;
    copy.headers.set('Authorization', `Bearer ${token}`);
    return fetch(copy);
  },
};
api.use(bearer);

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits a call and gives its data, or throws an {@link ApiError} with the service's problem (status 0 when the
 * network failed). Every screen goes through this, so failures look the same everywhere.
 */
export async function call<T>(pending: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(networkProblem());
  }
  if (!answer.response.ok) throw new ApiError(toProblem(answer.response.status, answer.error));
  return answer.data as T;
}
