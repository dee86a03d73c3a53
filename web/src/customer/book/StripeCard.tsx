import { useEffect, useRef, useState } from 'react';
import { Notice } from '../../ui/States';

/** The few parts of Stripe.js this page uses (loaded from js.stripe.com only when Stripe takes the cards). */
interface StripeJs {
  elements(): { create(type: 'card', options?: object): { mount(node: HTMLElement): void; destroy(): void } };
  createPaymentMethod(options: { type: 'card'; card: unknown }): Promise<{ paymentMethod?: { id: string }; error?: { message?: string } }>;
}

declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJs;
  }
}

let loading: Promise<void> | null = null;
function loadStripe(): Promise<void> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'https://js.stripe.com/v3/';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Stripe.js could not be loaded'));
    document.head.appendChild(script);
  });
  return loading;
}

/**
 * The card field of Stripe Elements: the card number never touches ReturnIt; Stripe answers a payment method id
 * (`pm_...`) that the booking carries. `onReady` hands the page a function that makes that id.
 */
export function StripeCard({ publishableKey, onReady }: { publishableKey: string; onReady: (create: () => Promise<string>) => void }) {
  const mount = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let card: { destroy(): void } | null = null;
    let cancelled = false;
    loadStripe().then(() => {
      if (cancelled) return;
      if (!window.Stripe || !mount.current) throw new Error('no Stripe');
      const stripe = window.Stripe(publishableKey);
      const element = stripe.elements().create('card', { hidePostalCode: true });
      element.mount(mount.current);
      card = element;
      onReady(async () => {
        const result = await stripe.createPaymentMethod({ type: 'card', card: element });
        if (!result.paymentMethod) throw new Error(result.error?.message ?? 'The card details are incomplete.');
        return result.paymentMethod.id;
      });
    }).catch(() => setFailed(true));
    return () => {
      cancelled = true;
      card?.destroy();
    };
  }, [publishableKey, onReady]);
  return (
    <div className="field">
      <span className="field__label">Card</span>
      <div ref={mount} className="stripe-card" />
      {failed && <Notice tone="error">The card form could not be loaded. Check your connection and reload the page.</Notice>}
    </div>
  );
}
