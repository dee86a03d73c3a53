import { Link, useNavigate, useSearchParams } from 'react-router';
import { useWebConfig } from '../../api/config';
import { LoginForm } from '../../ui/LoginForm';
import { safeNext } from './next';
import { Page } from '../../ui/Layout';

/** Logging in; back to where the customer was going (`?next=`), else to their returns. */
export default function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const config = useWebConfig();
  const demo = config.data?.demoLogins.find(login => login.role === 'customer');
  return (
    <Page title="Log in" narrow>
      <div className="card stack">
        <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
        <p className="small">New to ReturnIt? <Link to={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link></p>
      </div>
      {demo && (
        <div className="notice notice--info" data-testid="demo-login">
          <p><strong>Trying the demo?</strong> Log in as the demo customer: <code>{demo.email}</code> with password <code>{demo.password}</code>.</p>
        </div>
      )}
    </Page>
  );
}
