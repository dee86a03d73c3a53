import { useEffect } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { logOut, renew, useAuth } from '../api/auth';
import { queryClient } from '../api/query';
import { Button } from '../ui/Button';

/** Book, my returns and account for a signed-in customer; log in and sign up otherwise. */
export function CustomerNav() {
  const auth = useAuth();
  const navigate = useNavigate();
  useEffect(() => {
    if (auth.status === 'restoring') void renew();
  }, [auth.status]);

  if (auth.status === 'restoring') return <span className="small">…</span>;
  if (auth.status === 'anonymous') {
    return (
      <>
        <NavLink to="/login">Log in</NavLink>
        <NavLink to="/signup">Sign up</NavLink>
      </>
    );
  }
  const guest = auth.session.guest;
  return (
    <>
      {!guest && <NavLink to="/book">Book a pickup</NavLink>}
      {!guest && <NavLink to="/account">My returns</NavLink>}
      <Button variant="secondary" data-testid="logout" onClick={async () => {
        await logOut();
        queryClient.clear();
        navigate('/', { replace: true });
      }}>Log out</Button>
    </>
  );
}
