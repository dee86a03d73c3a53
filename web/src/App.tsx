import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import Customer from './customer/CustomerApp';
import { Loading } from './ui/States';

// one app, split per face: a face's code loads only when one of its pages is opened; the customer's shell (small) is
// in the first chunk, because most visits start there, and its pages load on their own
const Dispatch = lazy(() => import('./dispatch/DispatchApp'));
const Driver = lazy(() => import('./driver/DriverApp'));
const Merchant = lazy(() => import('./merchant/MerchantApp'));

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/ops/*" element={<Dispatch />} />
        <Route path="/driver/*" element={<Driver />} />
        <Route path="/merchant/*" element={<Merchant />} />
        <Route path="/*" element={<Customer />} />
      </Routes>
    </Suspense>
  );
}
