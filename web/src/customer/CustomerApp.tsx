import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from '../ui/Layout';
import { NotFound } from '../ui/NotFound';
import { Loading } from '../ui/States';
// the pages people arrive on (start, tracking link, login, booking) come with the first chunk: no second round trip
// before they show; the others load when opened
import LoginPage from './auth/LoginPage';
import SignupPage from './auth/SignupPage';
import BookPage from './book/BookPage';
import { CustomerNav } from './CustomerNav';
import { Home } from './home/Home';
import TrackPage from './track/TrackPage';

const OrderPage = lazy(() => import('./order/OrderPage'));
const AccountLayout = lazy(() => import('./account/AccountLayout'));
const Returns = lazy(() => import('./account/Returns'));
const Addresses = lazy(() => import('./account/Addresses'));
const Notifications = lazy(() => import('./account/Notifications'));
const Privacy = lazy(() => import('./account/Privacy'));
const ReturnLinkPage = lazy(() => import('./link/ReturnLinkPage'));
const ClaimPage = lazy(() => import('./link/ClaimPage'));
const VerifyEmailPage = lazy(() => import('./link/VerifyEmailPage'));

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
          <Route path="book" element={<BookPage />} />
          <Route path="orders/:id" element={<OrderPage />} />
          <Route path="r/:token" element={<ReturnLinkPage />} />
          <Route path="account/claim/:token" element={<ClaimPage />} />
          <Route path="account/verify-email/:token" element={<VerifyEmailPage />} />
          <Route path="account" element={<AccountLayout />}>
            <Route index element={<Returns />} />
            <Route path="addresses" element={<Addresses />} />
            <Route path="notifications" element={<Notifications />} />
            <Route path="privacy" element={<Privacy />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
