// Casebook preview (make devserver only): reload this page when the site has been rebuilt,
// and come back to the same place on it. Served by the preview server, never published.
(() => {
  "use strict";
  // The build this page came from: the server names it in a header of the page, and in
  // this script as it serves it (for a browser that does not show the header to scripts).
  const page = performance.getEntriesByType("navigation")[0];
  const named = page && page.serverTiming
    ? page.serverTiming.find((entry) => entry.name === "casebook-build")
    : undefined;
  const built = named ? named.description : "__CASEBOOK_BUILD__";
  const key = "casebook-preview-scroll";

  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const place = JSON.parse(saved);
    if (place.path === location.pathname) {
      history.scrollRestoration = "manual";
      const back = () => window.scrollTo(place.x, place.y);
      back();
      window.addEventListener("load", back, { once: true });
    }
  }

  const events = new EventSource("/.casebook/events");
  events.addEventListener("build", (event) => {
    if (event.data === built) {
      return;
    }
    events.close();
    const place = { path: location.pathname, x: window.scrollX, y: window.scrollY };
    sessionStorage.setItem(key, JSON.stringify(place));
    location.reload();
  });
})();
