import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useAuth } from '../../api/auth';
import { api, call } from '../../api/client';
import { ApiError, describe, fieldErrors } from '../../api/problem';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { dateTime } from '../../ui/format';
import { ErrorState, Loading, Notice } from '../../ui/States';
import { ConfirmButton } from '../Confirm';
import { merchantKeys } from '../data';
import { useMember } from '../session';

const ROLE = { admin: 'Admin: everything', support: 'Support: returns, cancellations, return links' } as const;

/** The team: members and their roles, pending invitations, and inviting someone by email (the link works 72 hours). */
export default function TeamPage() {
  const { merchantId } = useMember();
  const auth = useAuth();
  const me = auth.status === 'signed-in' ? auth.session.accountId : '';
  const client = useQueryClient();
  const members = useQuery({ queryKey: merchantKeys.members(merchantId), queryFn: () => call(api.GET('/v1/merchants/{id}/members', { params: { path: { id: merchantId } } })) });
  const invitations = useQuery({ queryKey: merchantKeys.invitations(merchantId), queryFn: () => call(api.GET('/v1/merchants/{id}/invitations', { params: { path: { id: merchantId } } })) });
  const refresh = () => client.invalidateQueries({ queryKey: merchantKeys.all(merchantId) });
  const changeRole = useMutation({
    mutationFn: ({ memberId, role }: { memberId: string; role: 'admin' | 'support' }) =>
      call(api.PATCH('/v1/merchants/{id}/members/{memberId}', { params: { path: { id: merchantId, memberId } }, body: { role } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (memberId: string) => call(api.DELETE('/v1/merchants/{id}/members/{memberId}', { params: { path: { id: merchantId, memberId } } })),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: (invitationId: string) => call(api.DELETE('/v1/merchants/{id}/invitations/{invitationId}', { params: { path: { id: merchantId, invitationId } } })),
    onSuccess: refresh,
  });
  const failure = [changeRole, remove, withdraw].find(m => m.error)?.error;

  return (
    <div className="page stack">
      <h1>Team</h1>
      {failure !== undefined && <Notice tone="error">{describe(failure)}</Notice>}
      <section className="card stack" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        {members.isPending && <Loading />}
        {members.error && <ErrorState error={members.error} retry={() => void members.refetch()} />}
        {members.data && (
          <ul className="list" data-testid="members">
            {members.data.data.map(m => (
              <li key={m.id} data-testid="member">
                <div className="row row--between">
                  <span><strong>{m.name}</strong>{m.id === me ? ' (you)' : ''} <span className="small muted">{m.email}</span></span>
                  <span className="row">
                    {!m.totpEnabled && <span className="badge">Two-factor not set up yet</span>}
                    <SelectField id={`role-${m.id}`} label={<span className="visually-hidden">Role of {m.name}</span>} value={m.role}
                      onChange={e => changeRole.mutate({ memberId: m.id, role: e.target.value as 'admin' | 'support' })}>
                      <option value="admin">Admin</option><option value="support">Support</option>
                    </SelectField>
                    <ConfirmButton label="Remove" title={`Remove ${m.name}?`} confirmLabel="Remove" busy={remove.isPending && remove.variables === m.id} onConfirm={() => remove.mutate(m.id)}>
                      {m.name} is signed out at once and can no longer open the portal.
                    </ConfirmButton>
                  </span>
                </div>
                <div className="small muted">Member since {dateTime(m.createdAt)}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Invite onInvited={refresh} />
      <section className="card stack" aria-labelledby="invitations-title">
        <h2 id="invitations-title">Pending invitations</h2>
        {invitations.isPending && <Loading />}
        {invitations.error && <ErrorState error={invitations.error} retry={() => void invitations.refetch()} />}
        {invitations.data && invitations.data.data.length === 0 && <p className="muted">No invitation is waiting.</p>}
        {invitations.data && invitations.data.data.length > 0 && (
          <ul className="list" data-testid="invitations">
            {invitations.data.data.map(i => (
              <li key={i.id} className="row row--between">
                <span>{i.email} as {i.role} <span className="small muted">until {dateTime(i.expiresAt)}</span></span>
                <Button variant="link" busy={withdraw.isPending && withdraw.variables === i.id} onClick={() => withdraw.mutate(i.id)}>Withdraw</Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Invite({ onInvited }: { onInvited: () => void }) {
  const { merchantId } = useMember();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'admin' | 'support'>('support');
  const invite = useMutation({
    mutationFn: () => call(api.POST('/v1/merchants/{id}/invitations', { params: { path: { id: merchantId } }, body: { email: email.trim(), role } })),
    onSuccess: () => { setEmail(''); onInvited(); },
  });
  const fields = fieldErrors(invite.error instanceof ApiError ? invite.error.problem : undefined);
  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate();
  }
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Invite someone">
      <h2>Invite someone</h2>
      <div className="filters">
        <TextField id="invite-email" label="Email" type="email" autoComplete="off" value={email} onChange={e => setEmail(e.target.value)}
          error={fields.email ?? (invite.error instanceof ApiError && invite.error.status === 409 ? describe(invite.error) : undefined)} />
        <SelectField id="invite-role" label="Role" value={role} onChange={e => setRole(e.target.value as 'admin' | 'support')}>
          {Object.entries(ROLE).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </SelectField>
      </div>
      {invite.error && !fields.email && !(invite.error instanceof ApiError && invite.error.status === 409) && <Notice tone="error">{describe(invite.error)}</Notice>}
      {invite.isSuccess && <Notice tone="success">Invitation sent. The link in the email works for 72 hours.</Notice>}
      <Button type="submit" busy={invite.isPending} data-testid="invite">Send the invitation</Button>
    </form>
  );
}
