import { accessToken } from '../api/auth';
import { ApiError, networkProblem, toProblem } from '../api/problem';

/**
 * Downloads a file the service makes (a CSV export, a PDF statement): a plain link would not carry the bearer token,
 * so the page fetches it and hands the browser the bytes under the service's file name.
 * @throws ApiError with the service's problem (403 for a support member, 400 for a bad filter)
 */
export async function download(path: string, accept: string, fallbackName: string): Promise<void> {
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: accept, ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  } catch {
    throw new ApiError(networkProblem());
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(toProblem(response.status, body));
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name of a Content-Disposition header (`attachment; filename="x.csv"`). */
export function fileName(disposition: string | null): string | undefined {
  return disposition?.match(/filename="?([^";]+)"?/)?.[1];
}

/**
 * Sends raw bytes (a logo) with their type, with the bearer token; answers the service's JSON.
 * @throws ApiError with the service's problem (413 too large, 415 not an image it takes)
 */
export async function upload<T>(path: string, file: Blob, type: string): Promise<T> {
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(path, { method: 'PUT', body: file, headers: { 'Content-Type': type, Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  } catch {
    throw new ApiError(networkProblem());
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(toProblem(response.status, body));
  return body as T;
}

/**
 * The bytes of a file only signed-in people may see (a pickup's photo), as a blob: URL an <img> can show; a plain
 * src would not carry the bearer token. The caller revokes it.
 * @throws ApiError with the service's problem
 */
export async function privateFileUrl(path: string): Promise<string> {
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(networkProblem());
  }
  if (!response.ok) throw new ApiError(toProblem(response.status, await response.json().catch(() => null)));
  return URL.createObjectURL(await response.blob());
}
