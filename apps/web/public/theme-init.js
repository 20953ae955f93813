// Applies the remembered theme before first paint (external file so a strict CSP allows it).
(function () {
  try {
    var t = localStorage.getItem('plantops.theme') || 'system';
    var dark = t === 'dark' || (t === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
  } catch {
    /* storage unavailable */
  }
})();
