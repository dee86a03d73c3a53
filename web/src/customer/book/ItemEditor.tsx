import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { CATEGORIES, REASONS, type DraftItem } from './draft';

/** One item being returned: what it is, when it was bought, what it cost, and why it goes back. */
export function ItemEditor({ item, index, errors, onChange, onRemove, today }: {
  item: DraftItem;
  index: number;
  errors: Record<string, string>;
  onChange: (item: DraftItem) => void;
  onRemove?: () => void;
  today: string;
}) {
  const id = (field: string) => `item-${index}-${field}`;
  const error = (field: string) => errors[`items[${index}].${field}`];
  const set = <K extends keyof DraftItem>(field: K, value: DraftItem[K]) => onChange({ ...item, [field]: value });
  return (
    <fieldset className="stack item" data-testid="item">
      <legend>Item {index + 1}</legend>
      <TextField id={id('description')} label="What is it?" placeholder="e.g. Rain jacket, blue, size M" value={item.description}
        onChange={e => set('description', e.target.value)} error={error('description')} maxLength={500} />
      <div className="grid-2">
        <SelectField id={id('category')} label="Category" value={item.category} onChange={e => set('category', e.target.value)} error={error('category')}>
          <option value="">Choose…</option>
          {CATEGORIES.map(category => <option key={category} value={category}>{category.replace('_', ' ')}</option>)}
        </SelectField>
        <TextField id={id('purchased')} label="Bought on" type="date" max={today} value={item.purchasedOn}
          onChange={e => set('purchasedOn', e.target.value)} error={error('purchasedAt')} />
        <TextField id={id('value')} label="Price paid" inputMode="decimal" placeholder="49.90" value={item.value}
          onChange={e => set('value', e.target.value)} error={error('valueCents')} />
        <TextField id={id('sku')} label="Article number (optional)" hint="On the receipt or label, if you have it." value={item.sku}
          onChange={e => set('sku', e.target.value)} error={error('sku')} maxLength={100} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={item.tagsAttached} onChange={e => set('tagsAttached', e.target.checked)} />
        <span>The original tags are still attached</span>
      </label>
      <ReasonFields item={item} index={index} errors={errors} onChange={onChange} />
      {onRemove && <div><Button variant="link" onClick={onRemove}>Remove item {index + 1}</Button></div>}
    </fieldset>
  );
}

/** Why it goes back: a reason from the list, and a note (needed for "Other"). */
export function ReasonFields({ item, index, errors, onChange }: {
  item: DraftItem;
  index: number;
  errors: Record<string, string>;
  onChange: (item: DraftItem) => void;
}) {
  return (
    <div className="grid-2">
      <SelectField id={`item-${index}-reason`} label="Why does it go back?" value={item.reason}
        onChange={e => onChange({ ...item, reason: e.target.value as DraftItem['reason'] })} error={errors[`items[${index}].reason`]}>
        <option value="">Choose a reason…</option>
        {REASONS.map(([code, label]) => <option key={code} value={code}>{label}</option>)}
      </SelectField>
      <TextArea id={`item-${index}-note`} label={item.reason === 'other' ? 'Tell us more' : 'Anything to add? (optional)'} rows={2}
        value={item.reasonNote} maxLength={500} onChange={e => onChange({ ...item, reasonNote: e.target.value })}
        error={errors[`items[${index}].reasonNote`]} />
    </div>
  );
}
