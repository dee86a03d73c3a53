import { useSyncExternalStore } from 'react';
import { anonymous, call, useTokens } from './client';
import { ApiError, toProblem } from './problem';

/**
 * Who is signed in, kept in memory only: the access token never touches storage. The refresh token lives in an
 * HttpOnly cookie the scripts cannot read (ADR 0038), asked for with `ReturnIt-Refresh: cookie`; on load the app
 * renews from it, so a reload keeps the person signed in. Renewals are serialised across tabs with the Web Locks API,
 * because a refresh token is single-use and two tabs renewing at once would look like a stolen token.
 */
export type Role = 'customer' | 'driver' | 'operator' | 'merchant';

export interface Session {
  accessToken: string;
  expiresAt: number;
  accountId: string;
  role: Role;
  /** A merchant's member: the merchant they act as and their role there (ADR 0044). */
  member?: { merchantId: string; role: 'admin' | 'support' };
  /** A token that may only enrol two-factor authentication (operators and members before their first code). */
  enrolOnly?: boolean;
  /** A guest from a merchant's return link: renewed from the link, not from a cookie. */
  guest?: { linkToken: string; sessionId: string };
}

export type AuthState =
  | { status: 'restoring' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; session: Session };

const COOKIE_MODE = { 'ReturnIt-Refresh': 'cookie' } as const;
const RENEW_BEFORE_MS = 60_000;

let state: AuthState = { status: 'restoring' };
const listeners = new Set<() => void>();

const identityListeners = new Set<() => void>();

/** Who someone is, for telling a renewal (same person) from another person signing in. */
function identity(of: AuthState): string | null {
  return of.status === 'signed-in' ? `${of.session.accountId}:${of.session.guest?.sessionId ?? ''}` : null;
}

function set(next: AuthState): void {
  const before = state.status === 'restoring' ? undefined : identity(state);
  state = next;
  listeners.forEach(listener => listener());
  if (before !== undefined && before !== identity(next)) identityListeners.forEach(listener => listener());
}

/** Hears when the person changes (logs out, another logs in, a guest claims an account): not on renewals. */
export function onIdentityChange(listener: () => void): () => void {
  identityListeners.add(listener);
  return () => identityListeners.delete(listener);
}

export function authState(): AuthState {
  return state;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current state, re-rendering on change. */
export function useAuth(): AuthState {
  return useSyncExternalStore(subscribe, authState, authState);
}

/** The claims the app uses from an access token (a JWT: it only reads them; the service checks the signature). */
export function claimsOf(accessToken: string): {
  sub: string; role: Role; exp: number; merchantId?: string; memberRole?: 'admin' | 'support'; enrolOnly: boolean;
} {
  const payload = accessToken.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
  const claims = JSON.parse(json) as {
    sub: string; role: Role; exp: number; merchant_id?: string; member_role?: 'admin' | 'support'; mfa_enrol_only?: boolean;
  };
  return {
    sub: claims.sub, role: claims.role, exp: claims.exp, enrolOnly: claims.mfa_enrol_only === true,
    ...(claims.merchant_id ? { merchantId: claims.merchant_id } : {}),
    ...(claims.member_role ? { memberRole: claims.member_role } : {}),
  };
}

function sessionOf(accessToken: string, expiresIn: number, guest?: Session['guest']): Session {
  const claims = claimsOf(accessToken);
  return {
    accessToken,
    expiresAt: Date.now() + expiresIn * 1000,
    accountId: claims.sub,
    role: claims.role,
    ...(claims.merchantId && claims.memberRole ? { member: { merchantId: claims.merchantId, role: claims.memberRole } } : {}),
    ...(claims.enrolOnly ? { enrolOnly: true } : {}),
    ...(guest ? { guest } : {}),
  };
}

/** Runs `work` while holding the app's auth lock in every tab (plainly when the browser has no Web Locks). */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('returnit-auth', work) : work();
}

/** The service's readable companion of the refresh cookie: without it there is no session to renew. */
function mayHaveSession(): boolean {
  return typeof document !== 'undefined' && /(?:^|;\s*)returnit_signed_in=1(?:;|$)/.test(document.cookie);
}

let renewing: Promise<boolean> | null = null;
const GUEST_LINK = 'returnit.guest-link';

/**
 * Enters a shop's return link as its guest: a 15-minute token scoped to the link (ADR 0035), renewed from the link
 * itself, which is kept for this tab only so a reload stays in the return.
 */
export async function enterReturnLink(linkToken: string): Promise<Session> {
  const access = await call(anonymous.POST('/v1/public/return-sessions/{token}/access', { params: { path: { token: linkToken } } }));
  const session = sessionOf(access.accessToken, access.expiresIn, { linkToken, sessionId: access.sessionId });
  sessionStorage.setItem(GUEST_LINK, linkToken);
  set({ status: 'signed-in', session });
  return session;
}

function storedGuestLink(): string | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(GUEST_LINK);
}

/**
 * Renews the access token: a guest's from the return link, anyone else's from the refresh cookie. False, and signed
 * out, when it cannot (no session, or the service refused); a lost connection keeps the session for a later try.
 */
export function renew(): Promise<boolean> {
  renewing ??= exclusively(async () => {
    const link = state.status === 'signed-in' ? state.session.guest?.linkToken : state.status === 'restoring' ? storedGuestLink() : null;
    if (!link && !mayHaveSession()) {
      set({ status: 'anonymous' });
      return false;
    }
    try {
      if (link) {
        await enterReturnLink(link);
      } else {
        const tokens = await call(anonymous.POST('/v1/auth/refresh', { headers: COOKIE_MODE }));
        set({ status: 'signed-in', session: sessionOf(tokens.accessToken, tokens.expiresIn) });
      }
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.isNetwork && state.status === 'signed-in') return false;
      if (link) sessionStorage.removeItem(GUEST_LINK);
      set({ status: 'anonymous' });
      return false;
    }
  }).finally(() => {
    renewing = null;
  });
  return renewing;
}

/** A valid access token (renewed first when it is about to expire), or null when nobody is signed in. */
export async function accessToken(): Promise<string | null> {
  if (state.status === 'restoring') await renew();
  if (state.status !== 'signed-in') return null;
  if (state.session.expiresAt - Date.now() < RENEW_BEFORE_MS) await renew();
  const now = authState();
  return now.status === 'signed-in' ? now.session.accessToken : null;
}

useTokens({ current: accessToken, renew });

export type LoginResult = { outcome: 'signed-in'; session: Session } | { outcome: 'code-required' };

/**
 * Logs in; a person with two-factor authentication first gets `code-required` and is asked for the code.
 * @throws ApiError with the service's problem (wrong password: 401, locked: 429 with Retry-After)
 */
export async function logIn(email: string, password: string, code?: string): Promise<LoginResult> {
  const { data, error, response } = await anonymous
    .POST('/v1/auth/token', { headers: COOKIE_MODE, body: { email, password, ...(code ? { code } : {}) } })
    .catch(() => {
      throw new ApiError({ status: 0, title: 'No connection', detail: 'We could not reach ReturnIt. Try again.' });
    });
  if (!response.ok || !data) {
    const problem = toProblem(response.status, error);
    if (response.status === 401 && problem.codeRequired === true) return { outcome: 'code-required' };
    throw new ApiError(problem);
  }
  const session = sessionOf(data.accessToken, data.expiresIn);
  sessionStorage.removeItem(GUEST_LINK);
  set({ status: 'signed-in', session });
  return { outcome: 'signed-in', session };
}

/** Signs in with tokens the service just gave (after claiming an account, for instance). */
export function signedIn(accessToken: string, expiresIn: number): void {
  sessionStorage.removeItem(GUEST_LINK);
  set({ status: 'signed-in', session: sessionOf(accessToken, expiresIn) });
}

/**
 * Signs in with tokens answered in the body (confirming two-factor enrolment answers so): the refresh token is traded
 * at once for one in the HttpOnly cookie, so it leaves the page's memory and a reload keeps the person signed in.
 * Without a refresh token (an enrolment-only token) the access token alone is kept.
 */
export async function adoptTokens(tokens: { accessToken: string; expiresIn: number; refreshToken?: string }): Promise<Session> {
  if (!tokens.refreshToken) {
    const session = sessionOf(tokens.accessToken, tokens.expiresIn);
    set({ status: 'signed-in', session });
    return session;
  }
  const traded = await call(anonymous.POST('/v1/auth/refresh', { headers: COOKIE_MODE, body: { refreshToken: tokens.refreshToken } }));
  sessionStorage.removeItem(GUEST_LINK);
  const session = sessionOf(traded.accessToken, traded.expiresIn);
  set({ status: 'signed-in', session });
  return session;
}

/** Logs out here and on the service (the refresh token's family stops working); never fails for the person. */
export async function logOut(): Promise<void> {
  const wasGuest = state.status === 'signed-in' && state.session.guest;
  sessionStorage.removeItem(GUEST_LINK);
  set({ status: 'anonymous' });
  if (!wasGuest) await anonymous.POST('/v1/auth/logout', { headers: COOKIE_MODE }).catch(() => undefined);
}

/** For tests: forget everything. */
export function resetForTests(next: AuthState = { status: 'restoring' }): void {
  set(next);
}
