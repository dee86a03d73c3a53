import { useEffect, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import { preparePhoto } from './media';

/**
 * An optional photo of the pickup (the phone's camera, or a picture chosen) and the customer's signature drawn with a
 * finger. The parent reads them when the proof is confirmed.
 */
export function ProofMedia({ onPhoto, signature }: { onPhoto: (photo: Blob | null) => void; signature: React.RefObject<SignaturePadHandle | null> }) {
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);
  return (
    <fieldset className="stack" data-testid="proof-media">
      <legend>Photo and signature (optional)</legend>
      <div className="field">
        <label htmlFor="proof-photo">Photo of the parcels</label>
        <input id="proof-photo" type="file" accept="image/*" capture="environment" data-testid="photo-input"
          onChange={async event => {
            const file = event.target.files?.[0];
            if (!file) return;
            setBusy(true);
            const photo = await preparePhoto(file);
            setBusy(false);
            setPreview(URL.createObjectURL(photo));
            onPhoto(photo);
          }} />
        {busy && <span className="field__hint">Preparing the photo…</span>}
      </div>
      {preview && (
        <div className="row">
          <img src={preview} alt="The photo that goes with the proof" style={{ maxHeight: 120, borderRadius: 8 }} data-testid="photo-preview" />
          <Button variant="link" onClick={() => {
            setPreview(null);
            onPhoto(null);
          }}>Remove photo</Button>
        </div>
      )}
      <SignaturePad ref={signature} />
    </fieldset>
  );
}

export interface SignaturePadHandle {
  /** The drawing, or null when nothing was drawn. */
  canvas(): HTMLCanvasElement | null;
}

/** A white pad the customer signs on with a finger or a stylus (pointer events); "Clear" starts again. */
function SignaturePad({ ref }: { ref: React.RefObject<SignaturePadHandle | null> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [signed, setSigned] = useState(false);
  const drawing = useRef(false);
  ref.current = { canvas: () => (signed ? canvas.current : null) };

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return [(event.clientX - box.left) * (event.currentTarget.width / box.width), (event.clientY - box.top) * (event.currentTarget.height / box.height)] as const;
  };
  const context = () => {
    const c = canvas.current?.getContext('2d');
    if (c) {
      c.lineWidth = 3;
      c.lineCap = 'round';
      c.strokeStyle = '#1a1d1f';
    }
    return c;
  };
  const clear = () => {
    const c = canvas.current;
    if (!c) return;
    const g = c.getContext('2d')!;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, c.width, c.height);
    setSigned(false);
  };
  useEffect(clear, []);

  return (
    <div className="field">
      <span id="signature-label" style={{ fontWeight: 600 }}>Customer's signature</span>
      <canvas ref={canvas} width={600} height={200} className="signature" aria-labelledby="signature-label" role="img" data-testid="signature"
        onPointerDown={event => {
          event.currentTarget.setPointerCapture(event.pointerId);
          drawing.current = true;
          const [x, y] = point(event);
          const c = context();
          c?.beginPath();
          c?.moveTo(x, y);
        }}
        onPointerMove={event => {
          if (!drawing.current) return;
          const [x, y] = point(event);
          const c = context();
          c?.lineTo(x, y);
          c?.stroke();
          setSigned(true);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }} />
      <div className="row row--between">
        <span className="field__hint">{signed ? 'Signed.' : 'Ask the customer to sign with a finger.'}</span>
        <Button variant="link" onClick={clear}>Clear</Button>
      </div>
    </div>
  );
}
