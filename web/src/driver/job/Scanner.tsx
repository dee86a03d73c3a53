import { useEffect, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/States';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options?: { formats?: string[] }) => Detector;

const DetectorCtor = (): DetectorClass | undefined => (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

/** Whether this browser reads barcodes from the camera (Chrome on Android does; elsewhere codes are typed). */
export function scanningAvailable(): boolean {
  return !!DetectorCtor() && !!navigator.mediaDevices?.getUserMedia;
}

/**
 * The back camera with a barcode detector reading a few frames a second; each new code is handed to `onCode` (which
 * says whether it was on the list). Closing stops the camera.
 */
export function Scanner({ onCode, onClose }: { onCode: (code: string) => unknown; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    const Ctor = DetectorCtor();
    if (!Ctor) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer = 0;
    const seen = new Set<string>();
    const detector = new Ctor();
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const look = async () => {
          if (stopped || !video.current) return;
          try {
            for (const code of await detector.detect(video.current)) {
              if (!seen.has(code.rawValue)) {
                seen.add(code.rawValue);
                handler.current(code.rawValue);
                navigator.vibrate?.(80);
              }
            }
          } catch {
            // a frame that could not be read: the next one may
          }
          timer = window.setTimeout(look, 300);
        };
        void look();
      } catch {
        setError('The camera could not be opened. Allow it for ReturnIt, or type the codes.');
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach(track => track.stop());
    };
  }, []);

  return (
    <div className="scanner stack" data-testid="scanner">
      {error ? <Notice tone="error">{error}</Notice> : <video ref={video} muted playsInline aria-label="Camera: point it at an item's code" />}
      <Button block variant="secondary" onClick={onClose}>Stop scanning</Button>
    </div>
  );
}
