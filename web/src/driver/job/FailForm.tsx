import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { queueAction } from '../sync';

type Reason = 'customer_absent' | 'items_not_ready' | 'unsafe' | 'other';
const REASONS: [Reason, string][] = [
  ['customer_absent', 'Nobody was there'],
  ['items_not_ready', 'The items were not ready'],
  ['unsafe', 'It was not safe'],
  ['other', 'Something else'],
];

/** Reporting a pickup that cannot happen, with the reason (and a note, required for "something else"). */
export function FailForm({ orderId, onCancel }: { orderId: string; onCancel: () => void }) {
  const [reason, setReason] = useState<Reason | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ reason?: string; note?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: typeof error = {};
    if (!reason) problems.reason = 'Choose what happened.';
    if (reason === 'other' && !note.trim()) problems.note = 'Say in a few words what happened.';
    setError(problems);
    if (problems.reason || problems.note || !reason) return;
    void queueAction({ kind: 'fail', orderId, at: new Date().toISOString(), body: { reason, ...(note.trim() ? { note: note.trim().slice(0, 500) } : {}) } });
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Report a failed pickup" data-testid="fail-form">
      <h3>Why can't the pickup happen?</h3>
      <SelectField label="What happened" value={reason} onChange={e => setReason(e.target.value as Reason)} error={error.reason}>
        <option value="">Choose…</option>
        {REASONS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </SelectField>
      <TextArea label="Note (optional)" maxLength={500} value={note} onChange={e => setNote(e.target.value)} error={error.note} />
      <div className="proof-row__actions">
        <Button type="submit" variant="danger" data-testid="confirm-fail">Report failed pickup</Button>
        <Button variant="secondary" onClick={onCancel}>Back</Button>
      </div>
    </form>
  );
}
