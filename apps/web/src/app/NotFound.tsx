import { Link } from '@tanstack/react-router';
import { usePageHeading } from '../ui/pageHeading';
import { useBootHandoff } from '../boot/handoff';

export function NotFound() {
  const heading = usePageHeading('Page not found');
  useBootHandoff(); // an unknown address opened directly
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
