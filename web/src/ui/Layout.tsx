import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A face's frame: skip link, header with the brand and the face's navigation, and the main landmark. */
export function Layout({ nav, home = '/', children }: { nav?: ReactNode; home?: string; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to={home} className="brand" aria-label="ReturnIt home">
            <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="7" fill="#fff" /><path d="M9 15l7 9 7-9h-4V8h-6v7z" fill="#0b5d4b" /></svg>
            ReturnIt
          </Link>
          {nav && <nav className="app-nav" aria-label="Main">{nav}</nav>}
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}

export function Page({ title, narrow = false, children, actions }: { title: string; narrow?: boolean; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className={narrow ? 'page page--narrow' : 'page'}>
      <div className="row row--between">
        <h1>{title}</h1>
        {actions}
      </div>
      {children}
    </div>
  );
}
