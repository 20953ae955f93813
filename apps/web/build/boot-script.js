// Inlined into index.html's head by build/prerender.ts (decision 0014); the API allows it by its hash.
(function () {
  // The app's entry script (the build writes its hashed name here; null in the dev server, which loads it itself).
  var ENTRY = '__ENTRY__';
  // For a stored session, the route chunks of the signed-in frame and of the page at each path
  // (build/preloadHints.ts; '' for any other path). The router asks for them only once the entry has
  // run: hinted here, they download beside it instead of a round trip after it.
  var HINTS = '__HINTS__';
  var root = document.documentElement;
  // The remembered theme, before the first paint.
  try {
    var t = localStorage.getItem('plantops.theme') || 'system';
    root.classList.toggle('dark', t === 'dark' || (t === 'system' && matchMedia('(prefers-color-scheme: dark)').matches));
  } catch {
    /* storage unavailable */
  }
  // Which static screen paints: the sign-in page, or the blank signed-in frame for a stored session.
  var signedIn = false;
  try {
    signedIn = !!(localStorage.getItem('plantops.session') || sessionStorage.getItem('plantops.session'));
  } catch {
    /* storage unavailable: the app will show the sign-in page too */
  }
  root.dataset.boot = signedIn ? 'frame' : 'sign-in';

  var started = false;
  function start() {
    if (started || !ENTRY) return;
    started = true;
    // fetched now; run once the document is parsed: from the HTTP cache the entry could otherwise
    // run before the parser has reached #root and the static copy
    var files = [ENTRY];
    if (signedIn && HINTS) files = files.concat(HINTS[location.pathname.replace(/(.)\/$/, '$1')] || HINTS['']);
    files.forEach(function (href) {
      var l = document.createElement('link');
      l.rel = 'modulepreload';
      l.href = href;
      document.head.appendChild(l);
    });
    var run = function () {
      var s = document.createElement('script');
      s.type = 'module';
      s.src = ENTRY;
      document.head.appendChild(s);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
    else run();
  }
  // Until the app has taken over, the static form must not be sent by the browser itself (it would
  // put the password in the address): hold it, and let the app submit it once it runs.
  addEventListener(
    'submit',
    function (e) {
      if (!root.dataset.boot) return;
      e.preventDefault();
      window.__plantopsBootSubmit = true;
      start();
    },
    true,
  );
  if (!ENTRY) return; // the dev server loads the app itself
  if (signedIn || location.pathname !== '/login') return start();
  document.title = 'Sign in · PlantOps'; // what the app's sign-in page names itself
  // The sign-in page is complete as painted: the app (a second of a slow phone's main thread)
  // starts when the user turns to the form, and downloads once the page has loaded.
  ['pointerdown', 'keydown', 'focusin', 'touchstart'].forEach(function (type) {
    addEventListener(type, start, { capture: true, passive: true });
  });
  addEventListener('load', function () {
    var l = document.createElement('link');
    l.rel = 'prefetch';
    l.as = 'script';
    l.crossOrigin = '';
    l.href = ENTRY;
    document.head.appendChild(l);
  });
})();
