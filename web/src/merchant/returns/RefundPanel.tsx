import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, describe, fieldErrors } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { money } from '../../ui/format';
import { Notice } from '../../ui/States';
import { merchantKeys, usePayment } from '../data';
import { centsOf } from '../numbers';
import { useMember } from '../session';

/** A refund of all or part of what was captured (admins only), with the amount and a reason. */
export function RefundPanel({ orderId }: { orderId: string }) {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const payment = usePayment(orderId);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [amountError, setAmountError] = useState<string>();
  const refund = useMutation({
    mutationFn: (amountCents: number) => call(api.POST('/v1/orders/{id}/refunds', {
      params: { path: { id: orderId } }, body: { amountCents, reason: reason.trim() },
    })),
    onSuccess: () => {
      setAmount('');
      setReason('');
      return client.invalidateQueries({ queryKey: merchantKeys.order(merchantId, orderId) });
    },
  });
  const refundable = payment.data?.refundableCents ?? 0;
  if (!payment.data || refundable <= 0) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = centsOf(amount);
    if (cents === undefined || cents <= 0) return setAmountError('Enter an amount, like 12.50.');
    if (cents > refundable) return setAmountError(`At most ${money(refundable, payment.data!.currency)} can be refunded.`);
    setAmountError(undefined);
    refund.mutate(cents);
  }

  const fields = fieldErrors(refund.error instanceof ApiError ? refund.error.problem : undefined);
  return (
    <section className="card stack" aria-labelledby="refund-title">
      <h2 id="refund-title">Refund</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField id="refund-amount" label={`Amount (${payment.data.currency})`} inputMode="decimal" value={amount}
          onChange={e => setAmount(e.target.value)} error={amountError ?? fields.amountCents}
          hint={`Up to ${money(refundable, payment.data.currency)}.`} />
        <TextField id="refund-reason" label="Reason" required maxLength={500} value={reason} onChange={e => setReason(e.target.value)} error={fields.reason} />
        {refund.error && !fields.reason && !fields.amountCents && <Notice tone="error">{describe(refund.error)}</Notice>}
        {refund.isSuccess && <Notice tone="success">Refund made.</Notice>}
        <Button type="submit" busy={refund.isPending} data-testid="refund">Refund</Button>
      </form>
    </section>
  );
}
