import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { ApiError, describe } from '../../api/problem';
import { keys, queryClient } from '../../api/query';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/Field';
import { dateTime, money } from '../../ui/format';
import { ErrorState, Loading, Notice } from '../../ui/States';
import { useCancellationTerms } from '../data';

const REASONS = ['I am not home at that time', 'I will return the items another way', 'I decided to keep the items', 'Booked by mistake', 'Other'];

/** Cancelling, with what it costs stated by the service before the customer confirms. */
export function CancelOrder({ orderId }: { orderId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(REASONS[0]!);
  const terms = useCancellationTerms(orderId, open);
  const cancel = useMutation({
    // the fee the customer was shown goes along: should it have risen meanwhile, the service refuses (409 fee_changed)
    mutationFn: () => call(api.POST('/v1/orders/{id}/cancel', {
      params: { path: { id: orderId } }, body: { reason, acceptedFeeCents: terms.data?.feeCents ?? 0 },
    })),
    onError: error => {
      if (error instanceof ApiError && error.problem.code === 'fee_changed') void terms.refetch();
    },
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: keys.order(orderId) });
      void queryClient.invalidateQueries({ queryKey: keys.orders() });
    },
  });
  const t = terms.data;
  return (
    <section className="card stack">
      <h2>Change of plans?</h2>
      <div><Button variant="secondary" onClick={() => { cancel.reset(); setOpen(true); }} data-testid="cancel">Cancel the pickup</Button></div>
      <Dialog open={open} title="Cancel this pickup?" onClose={() => setOpen(false)}>
        <div className="stack">
          {terms.isPending && <Loading>Checking what cancelling costs…</Loading>}
          {terms.error && <ErrorState error={terms.error} retry={() => void terms.refetch()} />}
          {t && !t.cancellable && <Notice tone="warning">This pickup can no longer be cancelled{t.reason ? `: ${t.reason}` : '.'}</Notice>}
          {t?.cancellable && (t.feeCents > 0
            ? <Notice tone="warning" testId="cancel-fee">Cancelling now costs <strong>{money(t.feeCents, t.currency)}</strong>: the pickup is too close (free until {dateTime(t.feeAppliesFrom)}).</Notice>
            : <Notice tone="info" testId="cancel-fee">Cancelling now is free{t.feeAppliesFrom ? `; from ${dateTime(t.feeAppliesFrom)} it would cost a fee` : ''}.</Notice>)}
          {t?.cancellable && (
            <SelectField label="Why are you cancelling?" value={reason} onChange={event => setReason(event.target.value)}>
              {REASONS.map(r => <option key={r}>{r}</option>)}
            </SelectField>
          )}
          {cancel.error && (cancel.error instanceof ApiError && cancel.error.problem.code === 'fee_changed'
            ? <Notice tone="warning" testId="fee-changed">The late fee applies now: the amount above is what cancelling costs. Confirm again to cancel.</Notice>
            : <Notice tone="error">{describe(cancel.error)}</Notice>)}
          <div className="row">
            <Button variant="secondary" onClick={() => setOpen(false)}>Keep the pickup</Button>
            {t?.cancellable && <Button variant="danger" busy={cancel.isPending} onClick={() => cancel.mutate()} data-testid="confirm-cancel">
              {t.feeCents > 0 ? `Cancel and pay ${money(t.feeCents, t.currency)}` : 'Cancel the pickup'}
            </Button>}
          </div>
        </div>
      </Dialog>
    </section>
  );
}
