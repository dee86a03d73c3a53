import { Link } from 'react-router';
import { useAuth } from '../../api/auth';

/** The start page: what ReturnIt does and how to begin. */
export function Home() {
  const auth = useAuth();
  const signedIn = auth.status === 'signed-in' && !auth.session.guest;
  return (
    <div className="page stack">
      <section className="card stack">
        <h1>Send your returns back without leaving home</h1>
        <p>Tell us what goes back and when you are in. A driver collects the parcels at your door and takes them to the shop.</p>
        <div className="row">
          <Link className="button" to={signedIn ? '/book' : '/login?next=/book'} data-testid="start-return">Start a return</Link>
          {!signedIn && <Link className="button button--secondary" to="/signup">Create an account</Link>}
        </div>
      </section>
      <section className="grid-2" aria-label="How it works">
        <div className="card"><h2>1. Choose the items</h2><p>Pick the shop and add what you are sending back, with a reason. We check the shop's return rules at once.</p></div>
        <div className="card"><h2>2. Pick a time</h2><p>Choose a two-hour window when you are home. You see the price before you book.</p></div>
        <div className="card"><h2>3. Hand them over</h2><p>Follow your driver on the map. The driver checks each item at the door and you get a receipt.</p></div>
      </section>
    </div>
  );
}
