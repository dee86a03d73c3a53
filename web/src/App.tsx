import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './ui/States';

// one app, split per face: a face's code loads only when one of its pages is opened
const Customer = lazy(() => import('./customer/CustomerApp'));
const Dispatch = lazy(() => import('./dispatch/DispatchApp'));

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/ops/*" element={<Dispatch />} />
        <Route path="/*" element={<Customer />} />
      </Routes>
    </Suspense>
  );
}
