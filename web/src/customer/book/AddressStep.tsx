import { useState } from 'react';
import { useAuth } from '../../api/auth';
import { useWebConfig } from '../../api/config';
import { FitBounds } from '../../map/FitBounds';
import { MapView } from '../../map/MapView';
import { PinAtCentre, PinLayer } from '../../map/PinLayer';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { Notice } from '../../ui/States';
import { useSavedAddresses } from '../data';
import { AddressSearch } from './AddressSearch';
import type { Draft, DraftAddress } from './draft';

/**
 * Step 2: where the driver comes. A saved address, a found one (when the service has a geocoder), or a pin the
 * customer places; the address line is what the driver reads.
 */
export default function AddressStep({ draft, onChange, onNext, onBack, serverErrors }: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onNext: () => void;
  onBack?: () => void;
  serverErrors: Record<string, string>;
}) {
  const auth = useAuth();
  const customer = auth.status === 'signed-in' && !auth.session.guest;
  const saved = useSavedAddresses(customer);
  const config = useWebConfig();
  const [address, setAddress] = useState<Partial<DraftAddress>>(draft.address ?? {});
  const [notes, setNotes] = useState(draft.accessNotes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [locating, setLocating] = useState(false);
  const pin: [number, number] | null = address.lat != null && address.lng != null ? [address.lat, address.lng] : null;
  const centre = (config.data?.map.center ?? [52.52, 13.405]) as [number, number];
  const shown = { ...serverErrors, ...errors };

  function next() {
    const problems: Record<string, string> = {};
    if (!address.address?.trim()) problems['pickup.address'] = 'Enter the address the driver comes to.';
    if (!pin) problems['pickup.lat'] = 'Place the pin on the map at your door.';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    onChange({ ...draft, accessNotes: notes, address: { ...address, address: address.address!.trim(), lat: pin![0], lng: pin![1] } as DraftAddress });
    onNext();
  }

  function locate() {
    if (!navigator.geolocation) return;
    setLocating(true);
    navigator.geolocation.getCurrentPosition(position => {
      setLocating(false);
      setAddress(a => ({ ...a, lat: position.coords.latitude, lng: position.coords.longitude, savedId: undefined }));
    }, () => setLocating(false), { enableHighAccuracy: true, timeout: 10_000 });
  }

  return (
    <div className="stack">
      <h2>Where should the driver come?</h2>
      {customer && (saved.data?.data.length ?? 0) > 0 && (
        <fieldset>
          <legend>Your saved addresses</legend>
          <div className="choices">
            {saved.data!.data.map(place => (
              <label key={place.id} className="choice">
                <input type="radio" name="saved-address" checked={address.savedId === place.id}
                  onChange={() => setAddress({ address: place.address, lat: place.lat, lng: place.lng, savedId: place.id })} />
                <span><strong>{place.label ?? 'Saved'}</strong> · {place.address}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {config.data?.addressSearch && (
        <AddressSearch onPick={place => setAddress({ address: place.label, lat: place.lat, lng: place.lng })} />
      )}
      <TextField id="address-line" label="Address line the driver reads" autoComplete="street-address" maxLength={500}
        hint="Street, number, floor or door code if needed." value={address.address ?? ''}
        onChange={event => setAddress({ ...address, address: event.target.value, savedId: undefined })} error={shown['pickup.address']} />
      <TextArea id="access-notes" label="How the driver gets to your door (optional)" rows={2} maxLength={500}
        hint="A door code, which bell, the back gate: only the driver who takes your pickup sees it." value={notes}
        onChange={event => setNotes(event.target.value)} error={shown['pickup.accessNotes']} />
      <div className="stack">
        <p className="small muted" id="pin-help">{config.data?.addressSearch ? 'Check the pin is on your door; drag it if not.' : 'Tap the map where the driver should stop, or drag the pin.'}</p>
        <MapView center={pin ?? centre} zoom={pin ? 16 : 12} label="Map to place the pickup pin">
          <PinLayer at={pin} onPlace={(lat, lng) => setAddress(a => ({ ...a, lat, lng, savedId: undefined }))} />
          {pin && <FitBounds points={[pin]} maxZoom={16} />}
          <div className="row" style={{ marginTop: 8 }}>
            <PinAtCentre onPlace={(lat, lng) => setAddress(a => ({ ...a, lat, lng, savedId: undefined }))} />
            <Button variant="secondary" busy={locating} onClick={locate}>Use my location</Button>
          </div>
        </MapView>
        {shown['pickup.lat'] && <Notice tone="error">{shown['pickup.lat']}</Notice>}
        <p className="small muted" role="status">{pin && <span data-testid="pin">Pin placed at {pin[0].toFixed(5)}, {pin[1].toFixed(5)}</span>}</p>
      </div>
      {customer && !address.savedId && (
        <label className="choice">
          <input type="checkbox" checked={address.save ?? false} onChange={event => setAddress({ ...address, save: event.target.checked })} />
          <span>Save this address for next time</span>
        </label>
      )}
      <div className="row">
        {onBack && <Button variant="secondary" onClick={onBack}>Back</Button>}
        <Button onClick={next} data-testid="next">Continue to pickup time</Button>
      </div>
    </div>
  );
}
