import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Schemas } from '../../api/types';
import { describe } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { dateTime } from '../../ui/format';
import { Notice } from '../../ui/States';
import { api, call } from '../../api/client';
import type { Preview } from '../shapes';
import { useMember } from '../session';
import { blankItem, itemBody, type TryItem } from './policy';

/**
 * Tries the draft before saving it: items the admin enters are judged as the preview comes back, and on request the
 * last 50 real returns are judged again ("this change would have refused 3 of them").
 */
export function TryIt({ items, setItems, preview, pending, policy }: {
  items: TryItem[];
  setItems: (items: TryItem[]) => void;
  preview: Preview | undefined;
  pending: boolean;
  policy: Schemas['PolicyBody'] | undefined;
}) {
  const { merchantId } = useMember();
  const recent = useMutation({
    mutationFn: () => call(api.POST('/v1/merchants/{id}/return-policy/preview', { params: { path: { id: merchantId } }, body: { policy: policy!, items: [], againstRecent: true } })),
  });
  // the preview judged the items that are complete, in order: find each entered item's verdict
  const judged: number[] = [];
  items.forEach((item, i) => { if (itemBody(item)) judged.push(i); });
  const verdictOf = (i: number) => (preview?.valid ? preview.items.find(v => v.index === judged.indexOf(i)) : undefined);
  const set = (i: number, part: keyof TryItem, value: string | boolean) => setItems(items.map((item, j) => (j === i ? { ...item, [part]: value } : item)));

  return (
    <section className="card stack" aria-labelledby="try-title" data-testid="try-it">
      <h2 id="try-title">Try it</h2>
      <p className="small muted">Items you enter here are checked against the rules above as you type; nothing is saved.</p>
      {items.map((item, i) => {
        const verdict = verdictOf(i);
        return (
          <fieldset key={i} className="stack" data-testid="try-item">
            <legend>Item {i + 1}</legend>
            <div className="item-row">
              <TextField id={`try-${i}-description`} label="Description" value={item.description} onChange={e => set(i, 'description', e.target.value)} />
              <TextField id={`try-${i}-sku`} label="SKU" value={item.sku} onChange={e => set(i, 'sku', e.target.value)} />
              <TextField id={`try-${i}-category`} label="Category" value={item.category} onChange={e => set(i, 'category', e.target.value)} />
              <TextField id={`try-${i}-value`} label="Value" inputMode="decimal" value={item.value} onChange={e => set(i, 'value', e.target.value)} />
              <TextField id={`try-${i}-days`} label="Bought, days ago" inputMode="numeric" value={item.daysAgo} onChange={e => set(i, 'daysAgo', e.target.value)} />
              <label className="choice"><input type="checkbox" checked={item.tagsAttached} onChange={e => set(i, 'tagsAttached', e.target.checked)} /> Tags attached</label>
            </div>
            <div aria-live="polite" data-testid="try-verdict">
              {!itemBody(item) && <span className="small muted">Complete the item to check it.</span>}
              {itemBody(item) && pending && <span className="small muted">Checking…</span>}
              {itemBody(item) && !pending && verdict?.eligible && <span className="badge badge--good">Can be returned</span>}
              {itemBody(item) && !pending && verdict && !verdict.eligible && (
                <div><span className="badge badge--bad">Refused</span>
                  <ul className="small">{verdict.reasons.map(r => <li key={r.code} data-testid="refusal">{r.message} <span className="muted">({r.code})</span></li>)}</ul>
                </div>
              )}
            </div>
            {items.length > 1 && <Button variant="link" onClick={() => setItems(items.filter((_, j) => j !== i))}>Remove item {i + 1}</Button>}
          </fieldset>
        );
      })}
      <div className="row">
        <Button variant="secondary" onClick={() => setItems([...items, blankItem()])} disabled={items.length >= 20}>Add an item</Button>
        <Button variant="secondary" busy={recent.isPending} disabled={!policy} onClick={() => recent.mutate()} data-testid="try-recent">Check against the last 50 returns</Button>
      </div>
      {recent.error && <Notice tone="error">{describe(recent.error)}</Notice>}
      {recent.data && !recent.data.valid && <Notice tone="warning">Fix the rules first.</Notice>}
      {recent.data?.recent && (
        <div className="stack" data-testid="recent-result">
          <p><strong>
            {recent.data.recent.checked === 0
              ? 'There are no returns yet to check against.'
              : `This change would have refused ${recent.data.recent.wouldRefuse} of the last ${recent.data.recent.checked} returns`}
          </strong>{recent.data.recent.checked > 0 && ` (the rules in force refused ${recent.data.recent.currentlyRefused}).`}</p>
          {recent.data.recent.orders.length > 0 && (
            <ul className="list small">
              {recent.data.recent.orders.map(o => (
                <li key={o.orderId}>
                  <Link to={`/merchant/returns/${o.orderId}`}>Return of {dateTime(o.createdAt)}</Link>
                  <ul>{o.refusedItems.map(item => <li key={item.index}>{item.sku}: {item.reasons.map(r => r.message).join('; ')}</li>)}</ul>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
