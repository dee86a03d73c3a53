/**
 * Where to go after logging in (`?next=`): only a path of this app, never an address elsewhere (an open redirect):
 * "//evil.example", "/\evil.example" and paths with white space or backslashes are refused.
 */
export function safeNext(next: string | null): string {
  return next && /^\/(?![\\/])[^\s\\]*$/.test(next) ? next : '/account';
}
