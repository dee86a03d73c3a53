import { Link } from 'react-router';

export function NotFound({ home = '/' }: { home?: string }) {
  return (
    <div className="page page--narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link is incomplete.</p>
      <Link to={home} className="button">Go to the start page</Link>
    </div>
  );
}
