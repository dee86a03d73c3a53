import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { logOut } from '../api/auth';
import { queryClient } from '../api/query';
import { Button } from '../ui/Button';
import { useMember } from './session';

/** The portal's sections; a support member sees only what their role may open. */
export function MerchantNav() {
  const { isAdmin } = useMember();
  return (
    <>
      <NavLink to="/merchant" end>Overview</NavLink>
      <NavLink to="/merchant/returns">Returns</NavLink>
      <NavLink to="/merchant/rules">Return rules</NavLink>
      <NavLink to="/merchant/links">Return links</NavLink>
      {isAdmin && (
        <>
          <NavLink to="/merchant/developers">Developers</NavLink>
          <NavLink to="/merchant/billing">Billing</NavLink>
          <NavLink to="/merchant/team">Team</NavLink>
          <NavLink to="/merchant/branding">Branding</NavLink>
        </>
      )}
    </>
  );
}

/** The sections under the header, in one row that scrolls sideways on a phone. */
export function Sections({ children }: { children: ReactNode }) {
  return <nav className="portal-tabs tabs" aria-label="Portal sections" data-testid="portal-nav">{children}</nav>;
}

export function SignOut() {
  const navigate = useNavigate();
  return (
    <Button variant="secondary" data-testid="logout" onClick={async () => {
      await logOut();
      queryClient.clear();
      navigate('/merchant', { replace: true });
    }}>Log out</Button>
  );
}
