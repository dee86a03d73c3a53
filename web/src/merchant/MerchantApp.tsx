import { lazy, Suspense, useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { renew, useAuth } from '../api/auth';
import { Layout } from '../ui/Layout';
import { NotFound } from '../ui/NotFound';
import { Loading, Notice } from '../ui/States';
import { Enrol } from './auth/Enrol';
import InvitationPage from './auth/InvitationPage';
import { SignIn } from './auth/SignIn';
import { MerchantNav, Sections, SignOut } from './MerchantNav';
import { useMember } from './session';
import './merchant.css';

const Overview = lazy(() => import('./overview/Overview'));
const ReturnsList = lazy(() => import('./returns/ReturnsList'));
const OrderDetail = lazy(() => import('./returns/OrderDetail'));
const RulesPage = lazy(() => import('./rules/RulesPage'));
const LinksPage = lazy(() => import('./links/LinksPage'));
const DevelopersPage = lazy(() => import('./developers/DevelopersPage'));
const BillingPage = lazy(() => import('./billing/BillingPage'));
const TeamPage = lazy(() => import('./team/TeamPage'));
const BrandingPage = lazy(() => import('./branding/BrandingPage'));

/**
 * The merchant portal at /merchant: a retailer's staff sign in (always with their one-time code), then run their
 * returns. An invitation link opens acceptance and two-factor enrolment. Pages load when opened; support members do
 * not see the admin's pages (the service refuses them anyway).
 */
export default function MerchantApp() {
  return (
    <Routes>
      <Route path="invitations/:token" element={<Layout home="/merchant"><InvitationPage /></Layout>} />
      <Route path="*" element={<Gate />} />
    </Routes>
  );
}

function Gate() {
  const auth = useAuth();
  useEffect(() => {
    if (auth.status === 'restoring') void renew();
  }, [auth.status]);
  if (auth.status === 'restoring') return <Layout home="/merchant"><Loading /></Layout>;
  if (auth.status === 'anonymous') return <Layout home="/merchant"><SignIn /></Layout>;
  if (auth.session.enrolOnly) return <Layout home="/merchant" nav={<SignOut />}><Enrol /></Layout>;
  if (!auth.session.member) {
    return (
      <Layout home="/merchant" nav={<SignOut />}>
        <div className="page page--narrow"><Notice tone="warning">This portal is for merchants' staff. <a href="/">Go to ReturnIt</a>.</Notice></div>
      </Layout>
    );
  }
  return <Portal />;
}

function Portal() {
  const { isAdmin } = useMember();
  return (
    <Layout home="/merchant" nav={<SignOut />}>
      <Sections><MerchantNav /></Sections>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<Overview />} />
          <Route path="returns" element={<ReturnsList />} />
          <Route path="returns/:id" element={<OrderDetail />} />
          <Route path="rules" element={<RulesPage />} />
          <Route path="links" element={<LinksPage />} />
          {isAdmin && <Route path="developers" element={<DevelopersPage />} />}
          {isAdmin && <Route path="billing" element={<BillingPage />} />}
          {isAdmin && <Route path="team" element={<TeamPage />} />}
          {isAdmin && <Route path="branding" element={<BrandingPage />} />}
          <Route path="*" element={<NotFound home="/merchant" />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
