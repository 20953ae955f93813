import { Link } from '@tanstack/react-router';

export function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-md p-8">
      <h1 className="mb-2 text-xl font-semibold">Page not found</h1>
      <p className="mb-4">This page does not exist.</p>
      <Link to="/" className="text-sky-700 underline dark:text-sky-400">
        Go to the dashboard
      </Link>
    </main>
  );
}
