import { useState, type FormEvent } from 'react';
import { anonymous, call } from '../../api/client';
import { ApiError, describe, fieldErrors } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/States';

/** For a guest of a return link: claim the account the shop made, to see every return later. */
export function ClaimPrompt() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(anonymous.POST('/v1/customers/claims', { body: { email: email.trim() } }));
      setSent(true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : null);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card stack" aria-labelledby="claim-title">
      <h2 id="claim-title">See all your returns in one place</h2>
      {sent ? <Notice tone="success" testId="claim-sent">If this email has returns with ReturnIt, a link to set your password is on its way. It works for 24 hours.</Notice> : (
        <form className="stack" onSubmit={submit} noValidate>
          <p>The shop booked this return for your email. Set a password to track all your returns, save addresses and more.</p>
          <TextField id="claim-email" label="Your email" type="email" autoComplete="email" value={email} onChange={e => setEmail(e.target.value)}
            error={fieldErrors(error?.problem).email} />
          {error && !error.problem.errors?.length && <Notice tone="error">{describe(error)}</Notice>}
          <div><Button type="submit" busy={busy}>Email me a link</Button></div>
        </form>
      )}
    </section>
  );
}
