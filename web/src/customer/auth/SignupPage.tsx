import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { logIn } from '../../api/auth';
import { anonymous, call } from '../../api/client';
import { ApiError, describe, fieldErrors } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Page } from '../../ui/Layout';
import { Notice } from '../../ui/States';
import { safeNext } from './next';

/** Signing up: checked here for what is obviously missing, by the service for the rest (shown at each field). */
export default function SignupPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next') ?? '/book');
  const [form, setForm] = useState({ name: '', email: '', phone: '', password: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validate(form);
    setLocal(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await call(anonymous.POST('/v1/customers', { body: {
        name: form.name.trim(), email: form.email.trim(), password: form.password,
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      } }));
      await logIn(form.email.trim(), form.password);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : null);
    } finally {
      setBusy(false);
    }
  }

  const fields = { ...fieldErrors(error?.problem), ...local };
  return (
    <Page title="Create your account" narrow>
      <form className="card stack" onSubmit={submit} noValidate aria-label="Sign up">
        <TextField id="name" label="Your name" autoComplete="name" required value={form.name} onChange={update('name')} error={fields.name} />
        <TextField id="email" label="Email" type="email" autoComplete="email" required value={form.email} onChange={update('email')} error={fields.email} />
        <TextField id="phone" label="Mobile number (optional)" type="tel" autoComplete="tel" hint="For a text when the driver is on the way." value={form.phone} onChange={update('phone')} error={fields.phone} />
        <TextField id="password" label="Password" type="password" autoComplete="new-password" required hint="At least 12 characters." value={form.password} onChange={update('password')} error={fields.password} />
        {error && !error.problem.errors?.length && <Notice tone="error" testId="signup-error">{describe(error)}</Notice>}
        <Button type="submit" busy={busy} block data-testid="signup">Create account</Button>
        <p className="small">Already have an account? <Link to={`/login?next=${encodeURIComponent(next)}`}>Log in</Link></p>
      </form>
    </Page>
  );
}

/** What the form can tell before asking the service: missing fields and the password's length. */
export function validate(form: { name: string; email: string; password: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.name.trim()) problems.name = 'Enter your name.';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(form.email.trim())) problems.email = 'Enter an email address like name@example.com.';
  if (form.password.length < 12) problems.password = 'Use at least 12 characters.';
  return problems;
}
