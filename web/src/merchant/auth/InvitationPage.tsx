import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { adoptTokens } from '../../api/auth';
import { anonymous, call } from '../../api/client';
import { ApiError, describe, fieldErrors } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { dateTime } from '../../ui/format';
import { ErrorState, Loading, Notice } from '../../ui/States';

/**
 * An invitation link: who invites whom as what; accepting with a name and a password signs the new member in with a
 * token that may only enrol two-factor authentication, which the portal then asks for.
 */
export default function InvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const invitation = useQuery({
    queryKey: ['merchant-invitation', token],
    queryFn: () => call(anonymous.GET('/v1/public/merchant-invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: async () => adoptTokens(await call(anonymous.POST('/v1/public/merchant-invitations/{token}/accept', {
      params: { path: { token } }, headers: { 'ReturnIt-Refresh': 'cookie' }, body: { name: name.trim(), password },
    }))),
    onSuccess: () => navigate('/merchant', { replace: true }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    accept.mutate();
  }

  if (invitation.isPending) return <Loading>Opening your invitation…</Loading>;
  if (invitation.error) {
    const gone = invitation.error instanceof ApiError && (invitation.error.status === 410 || invitation.error.status === 404);
    return (
      <div className="page page--narrow">
        <h1>Invitation</h1>
        {gone
          ? <Notice tone="warning" testId="invitation-gone">This invitation was used, withdrawn or has expired. Ask an admin of your team for a new one.</Notice>
          : <ErrorState error={invitation.error} retry={() => void invitation.refetch()} />}
      </div>
    );
  }
  const i = invitation.data;
  const fields = fieldErrors(accept.error instanceof ApiError ? accept.error.problem : undefined);
  return (
    <div className="page page--narrow stack">
      <h1>Join {i.merchantName} on ReturnIt</h1>
      <p data-testid="invitation">You are invited as <strong>{i.role}</strong> with <strong>{i.email}</strong>. The link works until {dateTime(i.expiresAt)}.</p>
      <form className="card stack" onSubmit={submit} noValidate aria-label="Accept the invitation">
        <TextField id="name" label="Your name" autoComplete="name" required value={name} onChange={e => setName(e.target.value)} error={fields.name} />
        <TextField id="new-password" label="Choose a password" type="password" autoComplete="new-password" required minLength={12}
          hint="At least 12 characters." value={password} onChange={e => setPassword(e.target.value)} error={fields.password} />
        {accept.error && !fields.name && !fields.password && <Notice tone="error">{describe(accept.error)}</Notice>}
        <Button type="submit" busy={accept.isPending} data-testid="accept-invitation">Accept and set up two-factor authentication</Button>
      </form>
    </div>
  );
}
