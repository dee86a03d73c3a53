import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from '../ui/Layout';
import { NotFound } from '../ui/NotFound';
import { Loading } from '../ui/States';
import { CustomerNav } from './CustomerNav';
import { Home } from './home/Home';

const TrackPage = lazy(() => import('./track/TrackPage'));
const LoginPage = lazy(() => import('./auth/LoginPage'));
const SignupPage = lazy(() => import('./auth/SignupPage'));

/** The customer's face: start page, sign-in, booking, live orders, account; the public tracking page. */
export default function CustomerApp() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/track/:token" element={<TrackPage />} />
        <Route path="*" element={<Framed />} />
      </Routes>
    </Suspense>
  );
}

function Framed() {
  return (
    <Layout nav={<CustomerNav />}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<Home />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="signup" element={<SignupPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
