import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { describe } from '../../api/problem';
import { Button } from '../../ui/Button';
import { dateTime } from '../../ui/format';
import { Empty, ErrorState, Loading, Notice } from '../../ui/States';
import { ConfirmButton } from '../Confirm';
import { CopyButton } from '../CopyButton';
import { merchantKeys } from '../data';
import { useMember } from '../session';

/** API keys: a new one is shown once, with a copy button; afterwards only its prefix; revoking stops it at once. */
export function ApiKeys() {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const keys = useQuery({
    queryKey: merchantKeys.keys(merchantId),
    queryFn: () => call(api.GET('/v1/merchants/{id}/api-keys', { params: { path: { id: merchantId } } })),
  });
  const create = useMutation({
    mutationFn: () => call(api.POST('/v1/merchants/{id}/api-keys', { params: { path: { id: merchantId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: merchantKeys.keys(merchantId) }),
  });
  const revoke = useMutation({
    mutationFn: (keyId: string) => call(api.DELETE('/v1/merchants/{id}/api-keys/{keyId}', { params: { path: { id: merchantId, keyId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: merchantKeys.keys(merchantId) }),
  });
  const list = keys.data ?? [];
  return (
    <section className="card stack" aria-labelledby="keys-title" data-testid="api-keys">
      <div className="row row--between">
        <h2 id="keys-title">API keys</h2>
        <Button busy={create.isPending} onClick={() => create.mutate()} data-testid="create-key">Create a key</Button>
      </div>
      {create.error && <Notice tone="error">{describe(create.error)}</Notice>}
      {create.data && (
        <Notice tone="success" testId="new-key">
          <p><strong>Your new key.</strong> Copy it now: it is shown only this once.</p>
          <p className="secret" data-testid="key-secret">{create.data.secret}</p>
          <div className="row"><CopyButton text={create.data.secret} label="Copy the key" testId="copy-key" /></div>
        </Notice>
      )}
      {revoke.error && <Notice tone="error">{describe(revoke.error)}</Notice>}
      {keys.isPending && <Loading />}
      {keys.error && <ErrorState error={keys.error} retry={() => void keys.refetch()} />}
      {keys.data && list.length === 0 && <Empty title="No API keys." />}
      {list.length > 0 && (
        <ul className="list">
          {list.map(key => (
            <li key={key.id} className="row row--between" data-testid="key-row">
              <span><span className="code">{key.prefix}…</span> <span className="small muted">created {dateTime(key.createdAt)}</span></span>
              {key.revokedAt
                ? <span className="badge">Revoked {dateTime(key.revokedAt)}</span>
                : (
                  <ConfirmButton label="Revoke" title="Revoke this key?" confirmLabel="Revoke the key" busy={revoke.isPending && revoke.variables === key.id}
                    onConfirm={() => revoke.mutate(key.id)}>
                    Every system using <span className="code">{key.prefix}…</span> is refused from now on.
                  </ConfirmButton>
                )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
