import { NavLink, Navigate, Outlet } from 'react-router';
import { useAuth } from '../../api/auth';
import { Loading, Notice } from '../../ui/States';

/** The account's pages under one heading with their own navigation; customers only. */
export default function AccountLayout() {
  const auth = useAuth();
  if (auth.status === 'restoring') return <Loading />;
  if (auth.status === 'anonymous') return <Navigate to="/login?next=/account" replace />;
  if (auth.session.guest) {
    return <div className="page page--narrow"><Notice tone="info">Claim your account (from the link on your pickup's page) to see all your returns here.</Notice></div>;
  }
  return (
    <div className="page stack">
      <h1>My account</h1>
      <nav aria-label="Account" className="tabs">
        <NavLink end to="/account">My returns</NavLink>
        <NavLink to="/account/addresses">Addresses</NavLink>
        <NavLink to="/account/notifications">Notifications</NavLink>
        <NavLink to="/account/privacy">Privacy</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
