import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { adoptTokens, useAuth } from '../../api/auth';
import { api, call } from '../../api/client';
import { describe, fieldErrors, ApiError } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorState, Loading, Notice } from '../../ui/States';

/**
 * Two-factor enrolment, which members must finish before anything else: the secret as a QR code and as text (and its
 * otpauth link for an authenticator on this device), the recovery codes, then a first code to confirm.
 */
export function Enrol() {
  const auth = useAuth();
  const account = auth.status === 'signed-in' ? auth.session.accountId : '';
  // a query, not an effect: started once per account even when React renders twice
  const enrolment = useQuery({
    queryKey: ['totp-enrolment', account],
    queryFn: () => call(api.POST('/v1/auth/mfa/totp')),
    staleTime: Infinity, gcTime: Infinity, retry: false, refetchOnWindowFocus: false,
  });
  const [code, setCode] = useState('');
  const confirm = useMutation({
    mutationFn: async () => adoptTokens(await call(api.POST('/v1/auth/mfa/totp/confirm', { body: { code: code.trim() } }))),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate();
  }

  if (enrolment.isPending) return <Loading>Preparing your authenticator secret…</Loading>;
  if (enrolment.error) return <div className="page page--narrow"><ErrorState error={enrolment.error} /></div>;
  const e = enrolment.data;
  const error = confirm.error instanceof ApiError ? confirm.error : null;
  return (
    <div className="page page--narrow stack">
      <h1>Set up two-factor authentication</h1>
      <p>Scan the code with an authenticator app (or enter the secret by hand), then type the 6-digit code it shows.</p>
      <div className="card stack">
        <img className="qr" src={e.qrCodePng} alt="QR code of your authenticator secret" width={200} height={200} />
        <p>Secret: <span className="secret" data-testid="totp-secret">{e.secret}</span></p>
        <p className="small"><a href={e.otpauthUri}>Open in an authenticator app on this device</a></p>
      </div>
      <details className="card">
        <summary>Recovery codes (each works once if you lose your phone)</summary>
        <ul className="code" data-testid="recovery-codes">{e.recoveryCodes.map(c => <li key={c}>{c}</li>)}</ul>
      </details>
      <form className="card stack" onSubmit={submit} noValidate aria-label="Confirm two-factor authentication">
        <TextField id="enrol-code" label="Code from the app" inputMode="numeric" autoComplete="one-time-code" maxLength={16}
          value={code} onChange={event => setCode(event.target.value)} error={fieldErrors(error?.problem).code} />
        {error && !fieldErrors(error.problem).code && <Notice tone="error">{describe(error)}</Notice>}
        <Button type="submit" busy={confirm.isPending} data-testid="confirm-totp">Confirm and continue</Button>
      </form>
    </div>
  );
}
