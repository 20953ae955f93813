/** Production builds only: the dev server must never be shadowed by a cached shell. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => navigator.serviceWorker.register('/sw.js').catch((e: unknown) => console.warn('Service worker not registered', e));
  // The sign-in page starts the app after it has loaded (decision 0014): register at once then.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
}
