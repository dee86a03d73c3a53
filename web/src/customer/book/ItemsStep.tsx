import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/States';
import { itemProblems, newItem, type Draft } from './draft';
import { ItemEditor } from './ItemEditor';
import { MerchantPicker } from './MerchantPicker';

/** Today's date where the customer is (yyyy-mm-dd, as date inputs give it). */
export const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** Step 1: the shop and the items going back. */
export function ItemsStep({ draft, onChange, onNext, serverErrors }: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onNext: () => void;
  serverErrors: Record<string, string>;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...serverErrors, ...errors };
  const items = draft.items.length ? draft.items : [newItem()];

  function next() {
    const problems = itemProblems(items, today());
    if (!draft.merchant) problems.merchant = 'Choose the shop first.';
    setErrors(problems);
    onChange({ ...draft, items });
    if (Object.keys(problems).length === 0) onNext();
  }

  return (
    <div className="stack">
      <MerchantPicker chosen={draft.merchant} onChoose={merchant => onChange({ ...draft, merchant, items })} error={shown.merchant ?? shown.merchantId} />
      {draft.merchant && (
        <>
          <h2>What are you sending back to {draft.merchant.name}?</h2>
          {items.map((item, index) => (
            <ItemEditor key={item.key} item={item} index={index} errors={shown} today={today()}
              onChange={changed => onChange({ ...draft, items: items.map(i => (i.key === item.key ? changed : i)) })}
              onRemove={items.length > 1 ? () => onChange({ ...draft, items: items.filter(i => i.key !== item.key) }) : undefined} />
          ))}
          <div><Button variant="secondary" onClick={() => onChange({ ...draft, items: [...items, newItem()] })}>Add another item</Button></div>
        </>
      )}
      {Object.keys(errors).length > 0 && <Notice tone="error">Some details are missing: see the fields marked above.</Notice>}
      <div className="row"><Button onClick={next} data-testid="next">Continue to address</Button></div>
    </div>
  );
}
