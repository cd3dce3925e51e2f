// Material's helpers for its bundle: the site's scope, and storing preferences (such as the
// colour palette) under the site's path. Material writes them as an inline <script> in every
// page; here they are a file of our own, so the Content-Security-Policy in overrides/main.html
// needs no inline script. Loaded by overrides/partials/javascripts/base.html, whose data-scope
// attribute holds what Material's inline script has: the site root, relative to the page.
// Same behaviour as Material's (mkdocs-material 9, MIT licence).
var __md_scope = new URL(document.currentScript.dataset.scope, location);
var __md_hash = (text) => [...text].reduce((hash, c) => (hash << 5) - hash + c.charCodeAt(0), 0);
var __md_get = (key, storage = localStorage, scope = __md_scope) =>
  JSON.parse(storage.getItem(scope.pathname + "." + key));
var __md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch (e) {}
};

// Not Material's: marks the page as one whose scripts run, before anything is drawn, so that
// assets/site.css shows the finder's filters from the first paint instead of when its data has
// arrived (the page would jump) and hides what only readers without JavaScript need; and as one
// with a selection in its address, so that the finder's and tracker's own lists are not drawn
// before the selection is applied (assets/results.js).
document.documentElement.classList.add("vs-js");
if (location.search.length > 1) document.documentElement.classList.add("vs-selection");
