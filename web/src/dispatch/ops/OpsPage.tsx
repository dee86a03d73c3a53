import { useEffect, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { logOut, renew, useAuth } from '../../api/auth';
import { queryClient } from '../../api/query';
import { Button } from '../../ui/Button';
import { Layout } from '../../ui/Layout';
import { LoginForm } from '../../ui/LoginForm';
import { Loading, Notice } from '../../ui/States';
import { Board } from './Board';

/**
 * The operators' pages: they log in with their one-time code, then see the operations board (/ops: orders by status,
 * drivers on shift over the service areas, the last hour of requests, alerts and backlogs, live) or another page of
 * the console (`children`, e.g. the feature flags at /ops/flags).
 */
export function OpsPage({ children = <Board /> }: { children?: ReactNode }) {
  const auth = useAuth();
  useEffect(() => {
    if (auth.status === 'restoring') void renew();
  }, [auth.status]);

  const nav = auth.status === 'signed-in' ? (
    <>
      {auth.session.role === 'operator' && (
        <>
          <NavLink to="/ops" end>Board</NavLink>
          <NavLink to="/ops/dispatch">Dispatch</NavLink>
          <NavLink to="/ops/areas">Areas</NavLink>
          <NavLink to="/ops/flags">Flags</NavLink>
        </>
      )}
      <Button variant="secondary" onClick={async () => {
        await logOut();
        queryClient.clear();
      }}>Log out</Button>
    </>
  ) : null;

  return (
    <Layout home="/ops" nav={nav}>
      {auth.status === 'restoring' && <Loading />}
      {auth.status === 'anonymous' && (
        <div className="page page--narrow">
          <h1>ReturnIt operations</h1>
          <div className="card">
            <LoginForm alwaysAskCode wrongMessage="Wrong e-mail, password or code." onSignedIn={() => undefined} />
          </div>
        </div>
      )}
      {auth.status === 'signed-in' && auth.session.role !== 'operator' && (
        <div className="page page--narrow">
          <Notice tone="warning">Only operators may open this page. <a href="/">Go to ReturnIt</a>.</Notice>
        </div>
      )}
      {auth.status === 'signed-in' && auth.session.role === 'operator' && children}
    </Layout>
  );
}
