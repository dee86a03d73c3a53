import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/types';
import { ApiError, fieldErrors } from '../../api/problem';
import { unshownProblem } from '../problems';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/States';
import { api, call } from '../../api/client';
import { CopyButton } from '../CopyButton';
import { merchantKeys } from '../data';
import { centsOf } from '../numbers';
import { useMember } from '../session';
import { localDay, purchasedAt } from './purchase';

interface LinkItem { sku: string; description: string; category: string; value: string; purchasedOn: string; tagsAttached: boolean }

const blank = (): LinkItem => ({ sku: '', description: '', category: '', value: '', purchasedOn: localDay(), tagsAttached: true });

/** A return link for one of the customer's orders: who, which order, which items; copied, or emailed to them. */
export function LinkForm() {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [ref, setRef] = useState('');
  const [items, setItems] = useState<LinkItem[]>([blank()]);
  const [notify, setNotify] = useState(true);
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: Schemas['ReturnSessionBody']) => call(api.POST('/v1/return-sessions', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...merchantKeys.all(merchantId), 'links'] }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const bodies = items.map((item, i) => {
      const valueCents = centsOf(item.value);
      if (valueCents === undefined) errors[`items[${i}].valueCents`] = 'Enter the price paid, like 49.90.';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(item.purchasedOn)) errors[`items[${i}].purchasedAt`] = 'Enter the day it was bought.';
      return { sku: item.sku.trim(), description: item.description.trim(), category: item.category.trim(), valueCents: valueCents ?? 0,
        purchasedAt: purchasedAt(item.purchasedOn), tagsAttached: item.tagsAttached };
    });
    setLocal(errors);
    if (Object.keys(errors).length) return;
    create.mutate({ customer: { name: name.trim(), email: email.trim() }, merchantOrderRef: ref.trim(), items: bodies, ...(notify ? { notifyCustomer: true } : {}) });
  }

  const fields = { ...fieldErrors(create.error instanceof ApiError ? create.error.problem : undefined), ...local };
  const unshown = unshownProblem(create.error, field => /^(customer\.(name|email)|merchantOrderRef|items(\[\d+\]\.(sku|description|category|valueCents|purchasedAt))?)$/.test(field));
  const set = (i: number, part: keyof LinkItem, value: string | boolean) => setItems(items.map((item, j) => (j === i ? { ...item, [part]: value } : item)));
  if (create.data) {
    return (
      <section className="card stack" aria-labelledby="created-title" data-testid="link-created">
        <h2 id="created-title">Return link for {create.data.customer.name}</h2>
        <p className="secret" data-testid="link-url">{create.data.url}</p>
        <div className="row"><CopyButton text={create.data.url} label="Copy the link" testId="copy-link" /></div>
        <p className="small muted">{notify ? `We emailed it to ${create.data.customer.email}. ` : ''}This is the only time the link is shown; it works until {new Date(create.data.expiresAt).toLocaleDateString('en-GB')}.</p>
        <Button variant="secondary" onClick={() => { create.reset(); setName(''); setEmail(''); setRef(''); setItems([blank()]); }}>Create another</Button>
      </section>
    );
  }
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="New return link" data-testid="link-form">
      <h2>New return link</h2>
      <div className="filters">
        <TextField id="link-name" label="Customer's name" autoComplete="off" value={name} onChange={e => setName(e.target.value)} error={fields['customer.name']} />
        <TextField id="link-email" label="Customer's email" type="email" autoComplete="off" value={email} onChange={e => setEmail(e.target.value)} error={fields['customer.email']} />
        <TextField id="link-ref" label="Your order reference" value={ref} onChange={e => setRef(e.target.value)} error={fields.merchantOrderRef} />
      </div>
      {items.map((item, i) => (
        <fieldset key={i} className="stack">
          <legend>Item {i + 1}</legend>
          <div className="item-row">
            <TextField id={`link-${i}-sku`} label="SKU" value={item.sku} onChange={e => set(i, 'sku', e.target.value)} error={fields[`items[${i}].sku`]} />
            <TextField id={`link-${i}-description`} label="Description" value={item.description} onChange={e => set(i, 'description', e.target.value)} error={fields[`items[${i}].description`]} />
            <TextField id={`link-${i}-category`} label="Category" value={item.category} onChange={e => set(i, 'category', e.target.value)} error={fields[`items[${i}].category`]} />
            <TextField id={`link-${i}-value`} label="Price paid" inputMode="decimal" value={item.value} onChange={e => set(i, 'value', e.target.value)} error={fields[`items[${i}].valueCents`]} />
            <TextField id={`link-${i}-bought`} label="Bought on" type="date" value={item.purchasedOn} onChange={e => set(i, 'purchasedOn', e.target.value)} error={fields[`items[${i}].purchasedAt`]} />
            <label className="choice"><input type="checkbox" checked={item.tagsAttached} onChange={e => set(i, 'tagsAttached', e.target.checked)} /> Tags attached</label>
          </div>
          {items.length > 1 && <Button variant="link" onClick={() => setItems(items.filter((_, j) => j !== i))}>Remove item {i + 1}</Button>}
        </fieldset>
      ))}
      {fields.items && <Notice tone="error">{fields.items}</Notice>}
      <Button variant="secondary" onClick={() => setItems([...items, blank()])} disabled={items.length >= 50}>Add an item</Button>
      <label className="choice"><input type="checkbox" checked={notify} onChange={e => setNotify(e.target.checked)} data-testid="notify-customer" /> Email the link to the customer</label>
      {unshown && <Notice tone="error">{unshown}</Notice>}
      <Button type="submit" busy={create.isPending} data-testid="create-link">Create the link</Button>
    </form>
  );
}
