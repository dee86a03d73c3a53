import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/States';
import { useHubs, type Order } from '../data';
import { queueAction } from '../sync';
import { navigationLinks } from './navigate';
import { Scanner, scanningAvailable } from './Scanner';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Handing the parcels over at one of the merchant's hubs. Where the service shows the driver the merchant's hubs, they
 * are listed to pick from; otherwise the driver scans (or types) the code posted at the hub's door.
 */
export function HubStep({ order }: { order: Order }) {
  const hubs = useHubs(order.merchantId);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [scanning, setScanning] = useState(false);

  const deliver = (hubId: string) => void queueAction({ kind: 'deliver', orderId: order.id, at: new Date().toISOString(), body: { hubId } });

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = code.trim();
    if (!UUID.test(value)) {
      setError('Enter the hub code as it is written at the hub (36 characters with dashes).');
      return;
    }
    setError(undefined);
    deliver(value.toLowerCase());
  }

  if (hubs.isPending) return <Loading>Finding the merchant's hubs…</Loading>;
  return (
    <section className="card stack" aria-labelledby="hub-title" data-testid="hub-step">
      <h3 id="hub-title">Deliver to the hub</h3>
      {hubs.data && hubs.data.length > 0 ? (
        <ul className="list">
          {hubs.data.map(hub => (
            <li key={hub.id} className="stack">
              <strong>{hub.name}</strong>
              <span>{hub.address}</span>
              <div className="proof-row__actions">
                <a className="button button--secondary" href={navigationLinks(hub.lat, hub.lng, hub.name).maps} target="_blank" rel="noopener noreferrer">Navigate</a>
                <Button onClick={() => deliver(hub.id)} data-testid="deliver">Handed over here</Button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <p>At the hub, scan or type the hub code posted at the goods entrance.</p>
          {scanningAvailable() && <Button variant="secondary" block onClick={() => setScanning(true)}>Scan the hub code</Button>}
          {scanning && <Scanner onCode={value => {
            if (UUID.test(value.trim())) {
              setScanning(false);
              deliver(value.trim().toLowerCase());
            }
          }} onClose={() => setScanning(false)} />}
          <TextField label="Hub code" value={code} autoComplete="off" onChange={e => setCode(e.target.value)} error={error} data-testid="hub-code" />
          <Button type="submit" block data-testid="deliver">Handed over at the hub</Button>
        </form>
      )}
    </section>
  );
}
