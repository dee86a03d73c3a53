import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useAuth } from '../../api/auth';
import { api, call } from '../../api/client';
import { keys, queryClient } from '../../api/query';
import type { Schemas } from '../../api/types';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Layout';
import { Loading } from '../../ui/States';
import { Stepper } from '../../ui/Stepper';
import { BookAction } from './BookAction';
import { bookingAttempts } from './booking';
import { ResumeBooking } from './ResumeBooking';
import { clearDraft, loadDraft, saveDraft, type Draft } from './draft';
import { ItemsStep } from './ItemsStep';
import { LinkItems } from './LinkItems';
import { ReviewStep, type Quote } from './ReviewStep';
import { SlotStep } from './SlotStep';
import './book.css';

// the address step holds the map: its code loads when the customer gets there
const AddressStep = lazy(() => import('./AddressStep'));

const ITEMS = 0;
const ADDRESS = 1;
const TIME = 2;
const REVIEW = 3;
const PAY = 4;

/**
 * Booking a pickup: the shop and items, the address, a window with seats, the checked and priced return, payment
 * where the customer pays. The draft survives reloads (sessionStorage); the step is in the URL's history, so the
 * browser's back button goes back a step.
 */
export default function BookPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const [draft, setDraftState] = useState<Draft>(loadDraft);
  const [step, setStep] = useState(() => stepFromHistory() ?? (draft.link ? ITEMS : ITEMS));
  const [quote, setQuote] = useState<Quote | null>(null);
  const [slotNotice, setSlotNotice] = useState<string>();
  const [requoted, setRequoted] = useState(0);
  // a booking sent before a reload and not yet answered is finished first (the service replays its answer)
  const [resuming, setResuming] = useState(() => bookingAttempts().pending() !== null);

  const setDraft = useCallback((next: Draft) => {
    setDraftState(next);
    saveDraft(next);
  }, []);
  const go = useCallback((next: number) => {
    window.history.pushState({ ...window.history.state, bookingStep: next }, '');
    setStep(next);
    window.scrollTo({ top: 0 });
    document.getElementById('main')?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    const back = () => setStep(stepFromHistory() ?? ITEMS);
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);

  if (auth.status === 'restoring') return <Page title="Book a return pickup"><Loading>Checking your session…</Loading></Page>;
  // a guest of a return link re-enters through the link (there is no password to log in with)
  if (auth.status === 'anonymous') return <Navigate to={draft.link ? `/r/${draft.link.token}` : '/login?next=/book'} replace />;
  const guest = auth.session.guest;
  if (guest && !draft.link) return <Navigate to="/" replace />;

  const customerPays = draft.merchant?.customerPays ?? false;
  const steps = customerPays ? ['Items', 'Address', 'Time', 'Review', 'Pay'] : ['Items', 'Address', 'Time', 'Review and book'];

  async function booked(order: Schemas['OrderView']) {
    if (draft.address?.save && !guest) {
      // saving is a convenience: a refusal (20 saved already) must not spoil the booking
      await call(api.POST('/v1/customers/me/addresses', { body: { address: draft.address.address, lat: draft.address.lat, lng: draft.address.lng } }))
        .then(() => queryClient.invalidateQueries({ queryKey: keys.addresses }), () => undefined);
    }
    clearDraft();
    navigate(`/orders/${order.id}?booked=1`, { replace: true });
  }

  const bookAction = (q: Quote) => (
    <BookAction quote={q} customerPays={customerPays} onBooked={booked}
      onSlotFull={() => {
        setSlotNotice('That pickup window just filled up. Please choose another time.');
        void queryClient.invalidateQueries({ queryKey: ['slots'] });
        go(TIME);
      }}
      onQuoteExpired={() => { setRequoted(n => n + 1); go(REVIEW); }}
      onAlreadyBooked={() => { clearDraft(); navigate('/account?booked=1', { replace: true }); }} />
  );

  if (resuming) {
    return (
      <Page title="Finishing your booking">
        <ResumeBooking onBooked={booked} onGiveUp={() => { setResuming(false); go(REVIEW); }} />
      </Page>
    );
  }

  return (
    <Page title={draft.link ? `Return to ${draft.merchant?.name ?? 'the shop'}` : 'Book a return pickup'}>
      <Stepper steps={steps} current={step} />
      {step === ITEMS && (draft.link
        ? <LinkItems draft={draft} onChange={setDraft} onNext={() => go(ADDRESS)} />
        : <ItemsStep draft={draft} onChange={setDraft} onNext={() => go(ADDRESS)} serverErrors={{}} />)}
      {step === ADDRESS && (
        <Suspense fallback={<Loading />}>
          <AddressStep draft={draft} onChange={setDraft} onNext={() => go(TIME)} onBack={() => go(ITEMS)} serverErrors={{}} />
        </Suspense>
      )}
      {step === TIME && <SlotStep draft={draft} onChange={setDraft} onNext={() => { setSlotNotice(undefined); go(REVIEW); }} onBack={() => go(ADDRESS)} notice={slotNotice} />}
      {step === REVIEW && (
        <ReviewStep key={requoted} draft={draft} onChange={setDraft} onQuote={setQuote} onBack={() => go(TIME)} onEditItems={() => go(ITEMS)}>
          {q => customerPays
            ? <div><Button onClick={() => go(PAY)} data-testid="to-payment">Continue to payment</Button></div>
            : bookAction(q)}
        </ReviewStep>
      )}
      {step === PAY && (quote ? bookAction(quote) : <ReviewStep draft={draft} onChange={setDraft} onQuote={setQuote} onBack={() => go(TIME)} onEditItems={() => go(ITEMS)}>{bookAction}</ReviewStep>)}
    </Page>
  );
}

function stepFromHistory(): number | undefined {
  const step = (window.history.state as { bookingStep?: number } | null)?.bookingStep;
  return typeof step === 'number' ? step : undefined;
}
