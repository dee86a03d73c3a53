import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, describe, fieldErrors } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { money } from '../../ui/format';
import { Notice } from '../../ui/States';
import { merchantKeys } from '../data';
import { useMember } from '../session';

/** Cancelling on the customer's behalf: what it costs now (and whom), a reason, then the cancellation. */
export function CancelPanel({ orderId }: { orderId: string }) {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const terms = useQuery({
    queryKey: [...merchantKeys.order(merchantId, orderId), 'cancellation'],
    queryFn: () => call(api.GET('/v1/orders/{id}/cancellation', { params: { path: { id: orderId } } })),
    enabled: open,
  });
  const cancel = useMutation({
    mutationFn: () => call(api.POST('/v1/orders/{id}/cancel', {
      params: { path: { id: orderId } },
      body: { reason: reason.trim(), ...(terms.data ? { acceptedFeeCents: terms.data.feeCents } : {}) },
    })),
    onSuccess: () => client.invalidateQueries({ queryKey: merchantKeys.all(merchantId) }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    cancel.mutate();
  }

  const fields = fieldErrors(cancel.error instanceof ApiError ? cancel.error.problem : undefined);
  return (
    <section className="card stack" aria-labelledby="cancel-title">
      <h2 id="cancel-title">Cancel for the customer</h2>
      {!open && <Button variant="secondary" onClick={() => setOpen(true)} data-testid="open-cancel">Cancel this return…</Button>}
      {open && (
        <form className="stack" onSubmit={submit} noValidate>
          {terms.data && (
            terms.data.cancellable
              ? <p>{terms.data.feeCents > 0
                ? <>Cancelling now costs <strong className="money">{money(terms.data.feeCents, terms.data.currency)}</strong>, charged to {terms.data.chargedTo === 'merchant' ? 'you' : 'the customer'}.</>
                : 'Cancelling now is free.'}</p>
              : <Notice tone="warning">This return can no longer be cancelled{terms.data.reason ? `: ${terms.data.reason}` : '.'}</Notice>
          )}
          <TextField id="cancel-reason" label="Reason" required maxLength={500} value={reason} onChange={e => setReason(e.target.value)}
            error={fields.reason} hint="Kept with the order and shown to the customer." />
          {cancel.error && !fields.reason && <Notice tone="error">{describe(cancel.error)}</Notice>}
          {cancel.isSuccess && <Notice tone="success">The return is cancelled.</Notice>}
          <div className="row">
            <Button type="submit" variant="danger" busy={cancel.isPending} disabled={terms.data?.cancellable === false || cancel.isSuccess} data-testid="confirm-cancel">Cancel the return</Button>
            <Button variant="link" onClick={() => setOpen(false)}>Keep it</Button>
          </div>
        </form>
      )}
    </section>
  );
}
