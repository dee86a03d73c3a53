import { ApiKeys } from './ApiKeys';
import { Endpoints } from './Endpoints';

/** What a merchant's developers need: API keys, webhook endpoints and their deliveries, and the API's documentation. */
export default function DevelopersPage() {
  return (
    <div className="page stack">
      <h1>Developers</h1>
      <p className="muted">
        Connect your shop's systems to ReturnIt. The API is described in the <a href="/swagger-ui.html" target="_blank" rel="noreferrer">API reference</a>{' '}
        (and as OpenAPI at <a href="/v3/api-docs" target="_blank" rel="noreferrer" className="code">/v3/api-docs</a>).
      </p>
      <ApiKeys />
      <Endpoints />
    </div>
  );
}
