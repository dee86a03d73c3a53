import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/States';
import type { Order } from '../data';
import { queueAction } from '../sync';
import { signatureImage } from './media';
import { ProofMedia, type SignaturePadHandle } from './ProofMedia';
import { matchCode, missing, proofBody, startProof, type Condition, type ItemProof } from './proof';
import { Scanner, scanningAvailable } from './Scanner';

/**
 * The item-level pickup proof: one row per item. Scan its code with the camera (where the browser has a barcode
 * detector), type it, or tick it; or refuse it with a reason. Sent as one step, queued like every other.
 */
export function ProofForm({ order }: { order: Order }) {
  const [proof, setProof] = useState<ItemProof[]>(() => startProof(order.items));
  const [bagSeal, setBagSeal] = useState('');
  const [scanning, setScanning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [shown, setShown] = useState<Record<string, string>>({});
  const [photo, setPhoto] = useState<Blob | null>(null);
  const signature = useRef<SignaturePadHandle | null>(null);
  const canScan = scanningAvailable();

  const update = (sku: string, patch: Partial<ItemProof>) => {
    setProof(current => current.map(item => (item.sku === sku ? { ...item, ...patch } : item)));
    setShown(current => {
      const { [sku]: _fixed, ...rest } = current;
      return rest;
    });
  };

  function code(value: string, how: 'scanned' | 'typed') {
    const result = matchCode(proof, value, how);
    setProof(result.proof);
    setMessage(result.sku ? `${result.proof.find(i => i.sku === result.sku)!.description}: checked.` : `The code ${value} is not on this pickup.`);
    return result.sku;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = missing(proof);
    setShown(problems);
    if (Object.keys(problems).length) return;
    // the files first, while the order still takes them, then the proof itself; each a queued step of its own
    const at = new Date().toISOString();
    const pad = signature.current?.canvas();
    const signed = pad ? await signatureImage(pad) : null;
    if (photo) await queueAction({ kind: 'photo', orderId: order.id, at, image: photo });
    if (signed) await queueAction({ kind: 'signature', orderId: order.id, at, image: signed });
    await queueAction({ kind: 'pickup', orderId: order.id, at, body: proofBody(proof, bagSeal) });
  }

  const done = proof.filter(item => item.state !== 'open').length;
  return (
    <form className="stack" onSubmit={event => void submit(event)} noValidate aria-labelledby="proof-title" data-testid="proof">
      <div className="row row--between">
        <h3 id="proof-title">Check the items</h3>
        <span className="badge" data-testid="proof-progress">{done} of {proof.length} done</span>
      </div>
      {canScan && <Button block variant="secondary" onClick={() => setScanning(true)} data-testid="scan">Scan codes with the camera</Button>}
      {scanning && <Scanner onCode={value => code(value, 'scanned')} onClose={() => setScanning(false)} />}
      <p className="visually-hidden" aria-live="polite">{message}</p>
      {message && <p className="small" data-testid="proof-message">{message}</p>}
      <ol className="list stack" style={{ listStyle: 'none' }}>
        {proof.map(item => <ItemRow key={item.sku} item={item} error={shown[item.sku]} update={update} code={code} />)}
      </ol>
      <TextField label="Bag seal number (optional)" value={bagSeal} maxLength={100} onChange={e => setBagSeal(e.target.value)} />
      <ProofMedia onPhoto={setPhoto} signature={signature} />
      {Object.keys(shown).length > 0 && <Notice tone="error">Some items still need you: see the rows marked in red.</Notice>}
      <Button type="submit" block data-testid="confirm-pickup">Confirm pickup</Button>
    </form>
  );
}

function ItemRow({ item, error, update, code }: {
  item: ItemProof;
  error: string | undefined;
  update: (sku: string, patch: Partial<ItemProof>) => void;
  code: (value: string, how: 'typed') => string | null;
}) {
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | undefined>();
  const id = `item-${item.sku}`;
  return (
    <li className="proof-row stack" data-state={item.state} data-testid="proof-item" data-sku={item.sku} aria-labelledby={`${id}-title`}>
      <div className="row row--between">
        <span id={`${id}-title`} className="proof-row__title">{item.description}</span>
        <span className={`badge ${item.state === 'verified' ? 'badge--good' : item.state === 'refused' ? 'badge--bad' : ''}`} data-testid="item-state">
          {item.state === 'verified' ? `Checked (${item.how})` : item.state === 'refused' ? 'Refused' : 'To check'}
        </span>
      </div>
      <span className="small muted">Code {item.sku}</span>
      {item.state === 'open' && (
        <>
          <div className="row" style={{ alignItems: 'flex-end' }}>
            <div style={{ flex: 1 }}>
              <TextField label="Type the code" value={typed} autoComplete="off" autoCapitalize="characters" onChange={e => setTyped(e.target.value)} error={typedError}
                onKeyDown={e => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    setTypedError(code(typed, 'typed') ? undefined : 'That is not this pickup\'s code.');
                  }
                }} />
            </div>
            <Button variant="secondary" className="button--small" onClick={() => setTypedError(code(typed, 'typed') ? undefined : 'That is not this pickup\'s code.')}>Check</Button>
          </div>
          <div className="proof-row__actions">
            <label className="tick">
              <input type="checkbox" onChange={e => e.target.checked && update(item.sku, { state: 'verified', how: 'ticked' })} data-testid="tick" />
              Checked by eye
            </label>
            <Button variant="danger" onClick={() => update(item.sku, { state: 'refused', condition: item.condition })} data-testid="refuse">Refuse</Button>
          </div>
        </>
      )}
      {item.state !== 'open' && (
        <>
          <SelectField label="Condition" value={item.condition} onChange={e => update(item.sku, { condition: e.target.value as Condition })}>
            <option value="new">New, unused</option>
            <option value="used">Used</option>
            <option value="damaged">Damaged</option>
          </SelectField>
          {item.state === 'refused' && (
            <TextField label="Why is it refused?" value={item.reason} maxLength={500} onChange={e => update(item.sku, { reason: e.target.value })} error={error} data-testid="refuse-reason" />
          )}
          <Button variant="link" onClick={() => update(item.sku, { state: 'open', reason: '' })}>Undo</Button>
        </>
      )}
      {item.state === 'open' && error && <span className="field__error" role="alert">{error}</span>}
    </li>
  );
}
