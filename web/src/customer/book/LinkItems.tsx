import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/States';
import { itemProblems, itemsToReturn, type Draft, type DraftItem } from './draft';
import { ReasonFields } from './ItemEditor';
import { today } from './ItemsStep';

/** Step 1 from a return link: the shop listed the order's items; the customer ticks what goes back and says why. */
export function LinkItems({ draft, onChange, onNext }: { draft: Draft; onChange: (draft: Draft) => void; onNext: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = (changed: DraftItem) => onChange({ ...draft, items: draft.items.map(i => (i.key === changed.key ? changed : i)) });
  const chosen = itemsToReturn(draft);

  function next() {
    const problems = itemProblems(chosen, today());
    // the errors are keyed by position among the chosen items: show them on those items
    const byKey: Record<string, string> = {};
    for (const [field, message] of Object.entries(problems)) {
      const match = /^items\[(\d+)\]\.(.+)$/.exec(field);
      const item = match ? chosen[Number(match[1])] : undefined;
      byKey[item ? `items[${draft.items.indexOf(item)}].${match![2]}` : field] = message;
    }
    setErrors(byKey);
    if (Object.keys(byKey).length === 0) onNext();
  }

  return (
    <div className="stack">
      <h2>Which items from order {draft.link?.merchantOrderRef} go back to {draft.merchant?.name}?</h2>
      {draft.items.map((item, index) => (
        <fieldset key={item.key} className="stack item" data-testid="link-item">
          <legend className="visually-hidden">{item.description}</legend>
          <label className="choice">
            <input type="checkbox" checked={item.chosen ?? false} onChange={event => update({ ...item, chosen: event.target.checked })} />
            <span><strong>{item.description}</strong> <span className="small muted">{item.category} · {item.value} · {item.sku}</span></span>
          </label>
          {item.chosen && <ReasonFields item={item} index={index} errors={errors} onChange={update} />}
        </fieldset>
      ))}
      {errors.items && <Notice tone="error">{errors.items}</Notice>}
      <div><Button onClick={next} data-testid="next">Continue to address</Button></div>
    </div>
  );
}
