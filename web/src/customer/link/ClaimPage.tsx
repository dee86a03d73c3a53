import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { signedIn } from '../../api/auth';
import { anonymous, call } from '../../api/client';
import { ApiError, describe, fieldErrors } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Page } from '../../ui/Layout';
import { Notice } from '../../ui/States';

/** The emailed claim link: the customer sets a password and is signed in, with every return the shops booked. */
export default function ClaimPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < 12) {
      setError(new ApiError({ status: 400, errors: [{ field: 'password', message: 'Use at least 12 characters.' }] }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const tokens = await call(anonymous.POST('/v1/customers/claims/{token}', {
        params: { path: { token } }, body: { password }, headers: { 'ReturnIt-Refresh': 'cookie' },
      }));
      signedIn(tokens.accessToken, tokens.expiresIn);
      navigate('/account', { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : null);
    } finally {
      setBusy(false);
    }
  }
  const closed = error && (error.status === 410 || error.status === 404);
  return (
    <Page title="Set your password" narrow>
      {closed ? (
        <Notice tone="warning" testId="claim-closed">{describe(error)} <Link to="/login">Log in</Link> or ask for a new link from your pickup's page.</Notice>
      ) : (
        <form className="card stack" onSubmit={submit} noValidate>
          <p>Choose a password for your ReturnIt account. You will see every return shops booked for your email.</p>
          <TextField id="password" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters."
            value={password} onChange={e => setPassword(e.target.value)} error={fieldErrors(error?.problem).password} />
          {error && !error.problem.errors?.length && <Notice tone="error">{describe(error)}</Notice>}
          <Button type="submit" busy={busy} data-testid="claim">Save and log in</Button>
        </form>
      )}
    </Page>
  );
}
