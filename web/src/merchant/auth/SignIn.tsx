import { LoginForm } from '../../ui/LoginForm';

/** Members sign in with email, password and always their one-time code (members must use two-factor authentication). */
export function SignIn() {
  return (
    <div className="page page--narrow">
      <h1>Merchant portal</h1>
      <p className="muted">Sign in to run your returns: rules, return links, the returns themselves and your connections.</p>
      <div className="card">
        <LoginForm alwaysAskCode submitLabel="Sign in" wrongMessage="Wrong email, password or one-time code." onSignedIn={() => undefined} />
      </div>
      <p className="small muted">New to the team? Open the invitation link from your email.</p>
    </div>
  );
}
