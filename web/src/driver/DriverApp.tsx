import './driver.css';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Route, Routes, useNavigate } from 'react-router';
import { authState, logOut, renew, useAuth } from '../api/auth';
import { Layout, Page } from '../ui/Layout';
import { LoginForm } from '../ui/LoginForm';
import { NotFound } from '../ui/NotFound';
import { Loading, Notice } from '../ui/States';
import { installShell } from './pwa/register';
import { ShiftHome } from './shift/ShiftHome';
import { startSync, stopSync } from './sync';

const Earnings = lazy(() => import('./earnings/Earnings'));

/** The driver's face at /driver: sign-in, the shift with its offers and job, earnings. An installable app (PWA). */
export default function DriverApp() {
  const auth = useAuth();
  useEffect(() => {
    if (auth.status === 'restoring') void renew();
  }, [auth.status]);
  useEffect(installShell, []);
  // started without a connection, the session could not be restored: back online, it is (the refresh cookie is still
  // there), and what waited on the phone goes out without the driver typing the password again
  useEffect(() => {
    const online = () => {
      if (authState().status === 'anonymous') void renew();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);
  const driverId = auth.status === 'signed-in' && auth.session.role === 'driver' ? auth.session.accountId : null;
  useEffect(() => {
    if (driverId) startSync(driverId);
    else stopSync();
  }, [driverId]);

  return (
    <div className="driver">
      <Layout home="/driver" nav={driverId ? <DriverNav /> : undefined}>
        {auth.status === 'restoring' ? <Loading>Checking your session…</Loading>
          : auth.status === 'anonymous' ? <SignIn />
          : !driverId ? <NotADriver />
          : (
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route index element={<ShiftHome />} />
                <Route path="earnings" element={<Earnings />} />
                <Route path="*" element={<NotFound home="/driver" />} />
              </Routes>
            </Suspense>
          )}
      </Layout>
    </div>
  );
}

function DriverNav() {
  const navigate = useNavigate();
  return (
    <>
      <NavLink to="/driver" end>Shift</NavLink>
      <NavLink to="/driver/earnings">Earnings</NavLink>
      <button type="button" className="button button--secondary button--small" data-testid="logout"
        onClick={() => void logOut().then(() => navigate('/driver'))}>Log out</button>
    </>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

function SignIn() {
  const online = useOnline();
  return (
    <Page title="Driver sign-in" narrow>
      {!online && (
        <Notice tone="warning" testId="offline-sign-in">
          You are offline. Signing in needs a connection; anything you did offline stays on this phone and is sent once you
          are back online and signed in.
        </Notice>
      )}
      <div className="card stack">
        <LoginForm submitLabel="Sign in" onSignedIn={() => undefined} />
      </div>
      <p className="small muted">For ReturnIt drivers. Customers <Link to="/login">log in here</Link>.</p>
    </Page>
  );
}

function NotADriver() {
  return (
    <Page title="This is the drivers' app" narrow>
      <p>You are signed in with an account that is not a driver's. Sign out to sign in as a driver.</p>
      <button type="button" className="button" onClick={() => void logOut()}>Sign out</button>
    </Page>
  );
}
