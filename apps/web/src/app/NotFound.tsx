import { Link } from '@tanstack/react-router';
import { usePageHeading } from '../ui/pageHeading';

export function NotFound() {
  const heading = usePageHeading('Page not found');
  return (
    <main id="main" className="mx-auto max-w-md p-8">
      <h1 {...heading} className="mb-2 text-xl font-semibold">
        Page not found
      </h1>
      <p className="mb-4">This page does not exist.</p>
      <Link to="/" className="text-sky-700 underline dark:text-sky-400">
        Go to the dashboard
      </Link>
    </main>
  );
}
