// The search page: queries the Pagefind index that is built with the site, as the user types.
// The query lives in the URL (?q=...), so a search can be shared and reloaded. Results are shown
// a page at a time by the pager the finder and the tracker use (results.js, which loads after
// this file: hence the start once the page is parsed).
document.addEventListener("DOMContentLoaded", () => {
  "use strict";
  const vs = window.vaekstaftaler;
  const root = document.getElementById("soegning");
  if (!root || !vs) return;
  const input = root.querySelector("input[name=q]");
  const status = root.querySelector("[role=status]");
  const list = root.querySelector(".vs-search-results");
  const bundle = new URL(root.dataset.bundle, document.baseURI);
  const PAGE = 10;
  const more = document.createElement("button");
  more.type = "button";
  more.className = "md-button vs-more";
  more.hidden = true;
  list.after(more);
  let said = "";  // what the status says about the results shown
  const pager = vs.pager(list, more, PAGE, (result) => result.data().then(item), () => {
    if (said) performance.mark("search-results");  // read by the benchmark
    status.textContent = said;
  });
  let pagefind = null;  // set once the index is ready
  let loading = null;
  let latest = 0;

  // Loads and sets up the index once, however many callers ask for it at the same time.
  function engine() {
    loading = loading || (async () => {
      const engine = await import(new URL("pagefind.js", bundle).href);
      // termSimilarity > 1 ranks whole-word matches ("innovation") above longer words that
      // merely start with the query ("innovationsnetværk"); a low pageLength stops long pages
      // such as meeting minutes from sinking below short pages that only link to them.
      await engine.options({ baseUrl: new URL("..", bundle).pathname,
                             ranking: { termSimilarity: 6, pageLength: 0.3 } });
      await engine.init();
      performance.mark("search-ready");  // read by the benchmark
      pagefind = engine;
      return engine;
    })();
    return loading;
  }

  // The passage shown under a result: the words around the first match in the page's own text.
  // Matches only in the page's extra search terms ("Søgeord: ...", which follow its text) are no
  // passage to show; the start of the page (title and summary) is shown instead.
  function passage(data) {
    const p = document.createElement("p");
    const words = data.content.split(/\s+/);
    const cut = words.indexOf("Søgeord:");
    const limit = cut < 0 ? words.length : cut;
    const hits = new Set(data.locations.filter((l) => l < limit));
    const first = hits.size ? Math.min(...hits) : 0;
    const start = Math.max(0, first - 10);
    const end = Math.min(limit, start + 32);
    if (start > 0) p.append("… ");
    for (let i = start; i < end; i++) {
      if (hits.has(i)) {
        const mark = document.createElement("mark");
        mark.textContent = words[i];
        p.append(mark);
      } else p.append(words[i]);
      p.append(" ");
    }
    if (end < limit) p.append("…");
    return p;
  }

  function item(data) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    const heading = document.createElement("h2");
    heading.append(link);
    const about = document.createElement("p");
    about.className = "vs-search-meta";
    about.textContent = [data.meta.type, data.meta.dokument, data.meta["år"]].filter(Boolean).join(" · ");
    li.append(heading, about, passage(data));
    return li;
  }

  async function run(query) {
    const mine = ++latest;
    vs.writeUrl({ q: query }, false);
    if (!query.trim()) {
      said = "";
      pager.show([]);
      return;
    }
    const search = await (await engine()).search(query);
    if (mine !== latest) return;
    // Only the first page of results is fetched; more on request, so the first answer is quick.
    const n = search.results.length;
    said = n === 0 ? `Ingen resultater for »${query}«.`
      : `${vs.number(n)} ${n === 1 ? "resultat" : "resultater"} for »${query}«.`;
    pager.show(search.results);
  }

  // While the user types, fetch the index chunks for the words so far; search after a short pause.
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    if (pagefind && input.value.trim()) pagefind.preload(input.value);
    timer = setTimeout(() => run(input.value), 60);
  });
  root.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    run(input.value);
  });
  const initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;
  if (initial) run(initial);
  engine();  // start loading the index while the user types
});
