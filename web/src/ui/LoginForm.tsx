import { useState, type FormEvent } from 'react';
import { logIn, type Session } from '../api/auth';
import { ApiError, describe, fieldErrors } from '../api/problem';
import { Button } from './Button';
import { TextField } from './Field';
import { Notice } from './States';

/**
 * Email and password, then the one-time code when the account uses two-factor authentication (the service says so).
 * Wrong credentials and lockouts are shown in the service's words; a lost connection says so and keeps the input.
 */
export function LoginForm({ onSignedIn, wrongMessage, submitLabel = 'Log in', alwaysAskCode = false }: {
  onSignedIn: (session: Session) => void;
  /** The sentence for wrong credentials (the service answers the same for any of them). */
  wrongMessage?: string;
  submitLabel?: string;
  /** Operators always use a code: ask for it at once. */
  alwaysAskCode?: boolean;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(alwaysAskCode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await logIn(email.trim(), password, askCode ? code.trim() : undefined);
      if (result.outcome === 'code-required') {
        setAskCode(true);
      } else {
        onSignedIn(result.session);
      }
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : null);
    } finally {
      setBusy(false);
    }
  }

  const fields = fieldErrors(error?.problem);
  const message = error && (error.status === 401 ? wrongMessage ?? 'Email, password or code is wrong.' : describe(error));
  return (
    <form onSubmit={submit} className="stack" noValidate aria-label="Log in">
      <TextField id="email" label="Email" type="email" autoComplete="username" required value={email}
        onChange={e => setEmail(e.target.value)} error={fields.email} />
      <TextField id="password" label="Password" type="password" autoComplete="current-password" required value={password}
        onChange={e => setPassword(e.target.value)} error={fields.password} />
      {askCode && (
        <TextField id="code" label="One-time code" inputMode="numeric" autoComplete="one-time-code" maxLength={32}
          hint="The 6-digit code from your authenticator app, or a recovery code." value={code}
          onChange={e => setCode(e.target.value)} error={fields.code} autoFocus={!alwaysAskCode} />
      )}
      {message && <Notice tone="error" testId="login-error">{message}</Notice>}
      <Button type="submit" busy={busy} block data-testid="login">{submitLabel}</Button>
    </form>
  );
}
