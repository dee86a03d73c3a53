import { useEffect, useRef, useState } from 'react';
import { pingOf, worthRecording, type Ping } from '../queue/pings';
import { queuePing } from '../sync';

/**
 * The driver's position while on shift: `watchPosition` with high accuracy, each worthwhile fix queued as a ping.
 * Browsers give no position to a page in the background or a locked phone, so this runs only while ReturnIt is open
 * and the screen on (the Wake Lock below); the service marks a driver stale when the pings stop.
 */
export type GeoStatus = 'off' | 'waiting' | 'tracking' | 'denied' | 'unavailable' | 'unsupported';

export function usePositionPings(active: boolean): { status: GeoStatus; position: Ping | null; error: string | null } {
  const [status, setStatus] = useState<GeoStatus>('off');
  const [position, setPosition] = useState<Ping | null>(null);
  const [error, setError] = useState<string | null>(null);
  const last = useRef<Ping | null>(null);

  useEffect(() => {
    if (!active) {
      setStatus('off');
      return;
    }
    if (!('geolocation' in navigator)) {
      setStatus('unsupported');
      return;
    }
    setStatus('waiting');
    const id = navigator.geolocation.watchPosition(
      fix => {
        const ping = pingOf(fix);
        setPosition(ping);
        setStatus('tracking');
        setError(null);
        if (worthRecording(last.current, ping)) {
          last.current = ping;
          void queuePing(ping);
        }
      },
      failure => {
        if (failure.code === failure.PERMISSION_DENIED) setStatus('denied');
        else setStatus('unavailable');
        setError(failure.message || null);
      },
      { enableHighAccuracy: true, maximumAge: 2_000, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [active]);

  return { status, position, error };
}

export type WakeStatus = 'off' | 'held' | 'released' | 'unsupported' | 'refused';

/** Keeps the screen on while on shift (Screen Wake Lock), taken again whenever the page becomes visible. */
export function useWakeLock(active: boolean): WakeStatus {
  const [status, setStatus] = useState<WakeStatus>('off');
  useEffect(() => {
    if (!active) {
      setStatus('off');
      return;
    }
    const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void>; addEventListener(type: 'release', listener: () => void): void }> } }).wakeLock;
    if (!wakeLock) {
      setStatus('unsupported');
      return;
    }
    let sentinel: { release(): Promise<void> } | null = null;
    let stopped = false;
    const take = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const lock = await wakeLock.request('screen');
        if (stopped) {
          void lock.release();
          return;
        }
        sentinel = lock;
        setStatus('held');
        lock.addEventListener('release', () => {
          if (!stopped) setStatus('released');
        });
      } catch {
        setStatus('refused');
      }
    };
    void take();
    const visible = () => void take();
    document.addEventListener('visibilitychange', visible);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', visible);
      void sentinel?.release();
    };
  }, [active]);
  return status;
}
