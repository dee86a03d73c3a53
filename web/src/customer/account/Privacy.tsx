import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { logOut } from '../../api/auth';
import { api, call } from '../../api/client';
import { describe } from '../../api/problem';
import { queryClient } from '../../api/query';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { ErrorState, Loading, Notice } from '../../ui/States';
import { useMe } from '../data';

/** My data: email verification, an export of everything kept, and erasing the account (stating what is kept, and why). */
export default function Privacy() {
  const me = useMe();
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const terms = useQuery({ queryKey: ['erasure-terms'], queryFn: () => call(api.GET('/v1/customers/me/erasure')), enabled: confirming, staleTime: 0 });
  const verify = useMutation({ mutationFn: () => call(api.POST('/v1/customers/me/email-verification')) });
  const erase = useMutation({
    mutationFn: () => call(api.DELETE('/v1/customers/me')),
    onSuccess: async () => {
      await logOut();
      queryClient.clear();
      navigate('/?erased=1', { replace: true });
    },
  });

  async function download() {
    setExporting(true);
    setExportError(null);
    try {
      const data = await call(api.GET('/v1/customers/me/export'));
      const href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const anchor = document.createElement('a');
      anchor.href = href;
      anchor.download = 'returnit-my-data.json';
      anchor.click();
      URL.revokeObjectURL(href);
    } catch (error) {
      setExportError(describe(error));
    } finally {
      setExporting(false);
    }
  }

  return (
    <section className="stack" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy and your data</h2>
      {me.isPending && <Loading />}
      {me.error && <ErrorState error={me.error} retry={() => void me.refetch()} />}
      {me.data && (
        <div className="card stack">
          <h3>Your account</h3>
          <p>{me.data.name} · {me.data.email} {me.data.emailVerified ? <span className="badge badge--good">verified</span> : <span className="badge">not verified</span>}</p>
          {!me.data.emailVerified && (
            <div className="row">
              <Button variant="secondary" busy={verify.isPending} onClick={() => verify.mutate()}>Send me a verification link</Button>
              <span role="status" className="small">{verify.isSuccess ? 'Sent: check your inbox.' : verify.error ? describe(verify.error) : ''}</span>
            </div>
          )}
        </div>
      )}
      <div className="card stack">
        <h3>Download my data</h3>
        <p>Everything ReturnIt keeps about you: your account, addresses and every return with its history, as a JSON file.</p>
        <div><Button variant="secondary" busy={exporting} onClick={download} data-testid="export">Download my data</Button></div>
        {exportError && <Notice tone="error">{exportError}</Notice>}
      </div>
      <div className="card stack">
        <h3>Delete my account</h3>
        <p>Your personal details are erased and you are logged out everywhere. This cannot be undone.</p>
        <div><Button variant="danger" onClick={() => { setTyped(''); erase.reset(); setConfirming(true); }} data-testid="delete-account">Delete my account…</Button></div>
      </div>
      <Dialog open={confirming} title="Delete your account?" onClose={() => setConfirming(false)}>
        <div className="stack">
          {terms.isPending && <Loading />}
          {terms.error && <ErrorState error={terms.error} retry={() => void terms.refetch()} />}
          {terms.data && (
            <>
              {!terms.data.allowed && <Notice tone="warning" testId="erasure-blocked">{terms.data.blockingOrders} pickup{terms.data.blockingOrders === 1 ? ' is' : 's are'} still open: cancel or wait for {terms.data.blockingOrders === 1 ? 'it' : 'them'} first.</Notice>}
              <div><strong>Erased:</strong> {terms.data.erased.join(', ')}.</div>
              <div><strong>Kept, without your name and contact:</strong>
                <ul data-testid="erasure-kept">{terms.data.kept.map(k => <li key={k.what}>{k.what}: {k.why}</li>)}</ul>
              </div>
              {terms.data.allowed && <TextField id="confirm-delete" label='Type "delete" to confirm' value={typed} onChange={e => setTyped(e.target.value)} autoComplete="off" />}
            </>
          )}
          {erase.error && <Notice tone="error">{describe(erase.error)}</Notice>}
          <div className="row">
            <Button variant="secondary" onClick={() => setConfirming(false)}>Keep my account</Button>
            {terms.data?.allowed && <Button variant="danger" disabled={typed.trim().toLowerCase() !== 'delete'} busy={erase.isPending} onClick={() => erase.mutate()} data-testid="confirm-delete">Delete for good</Button>}
          </div>
        </div>
      </Dialog>
    </section>
  );
}
