// The search page: queries the Pagefind index that is built with the site, as the user types.
// The query lives in the URL (?q=...), so a search can be shared and reloaded. Results are shown
// a page at a time by the pager the finder and the tracker use (results.js, which loads after
// this file: hence the start once the page is parsed).
//
// A query is read as people type it: the words of a question that name no subject are left
// out, and a compound the site does not have is split into words it has (scripts/search/query.py
// writes what that takes beside the index). Records come before the source texts they are made
// from; a question, or keywords that fewer than five records have all of, also finds the pages with
// most of the words.
//
// On every page: a result's link carries the words it matched (?fremhaev=...) and the anchor
// nearest before its passage, and the page marks those words and opens at the first one there.
(function () {
  "use strict";
  const HIGHLIGHT = "fremhaev";
  // The search bundle, found from this script's own address (assets/search.js) on any page.
  const BUNDLE = new URL("../pagefind/", document.currentScript.src);
  // How the index marks long verbatim text (scripts/search/block.py, VERBATIM).
  const RECORDS = { filters: { not: { kilde: "ja" } } };
  const SOURCES = { filters: { kilde: "ja" } };
  const ENOUGH = 5; // records with every word below this: add the pages with most of the words
  const SPAN = 24; // words of a passage from its first match on
  const LEAD = 8; // words shown before it
  const TOP = 60; // a passage that starts this far into a page gets a link to its place
  const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu; // punctuation around a word
  const clean = (word) => word.replace(EDGE, "");

  // The site's vocabulary and what to leave out of a query (scripts/search/query.py). `split`
  // takes a compound apart into words the site has, longest first part first, as the indexer
  // does for the pages: "vindmølleprogrammet" → ["vindmølle", "programmet"]; a word the site
  // has, or cannot be split, stays whole.
  function lexicon(data) {
    const words = new Set(data.words);
    const known = (w) => words.has(w) || data.endings.some(
      (e) => w.endsWith(e) && w.length - e.length >= data.minPart && words.has(w.slice(0, -e.length)));
    function split(w) {
      if (w.length < data.minCompound || known(w)) return [w];
      for (let i = w.length - data.minPart - 1; i >= data.minPart; i--) {
        const head = w.slice(0, i);
        const tail = w.slice(i);
        const heads = [head, ...data.links.filter((l) => head.endsWith(l) && head.length > data.minPart)
          .map(() => head.slice(0, -1))];
        const first = heads.find((h) => h.length >= data.minPart && words.has(h));
        if (!first) continue;
        if (known(tail)) return [first, tail];
        const rest = split(tail);
        if (rest.length > 1) return [first, ...rest];
      }
      return [w];
    }
    return { leaveOut: new Set(data.leaveOut), split };
  }

  // The words to search for: the typed ones less those that name no subject (unless that is all
  // of them), compounds split; without the lexicon, the words as typed. `question`: some words
  // were left out, so this was asked in words of its own rather than the pages'.
  function analyse(query, lex) {
    const typed = query.trim().split(/\s+/).filter(Boolean);
    if (!lex) return { words: typed, question: false };
    const lower = (t) => clean(t.toLocaleLowerCase("da"));
    const kept = typed.filter((t) => !lex.leaveOut.has(lower(t)));
    const words = (kept.length ? kept : typed).flatMap((t) => {
      const parts = /^\p{L}+$/u.test(lower(t)) ? lex.split(lower(t)) : [];
      return parts.length > 1 ? parts : [t];
    });
    return { words: [...new Set(words)], question: kept.length > 0 && kept.length < typed.length };
  }

  // The sets of at least half of the words, largest first (all of them first); past six words
  // only all of them and all but one, so a long question stays quick.
  function subsets(words) {
    const n = words.length;
    const smallest = n > 6 ? n - 1 : Math.ceil(n / 2);
    const out = [];
    for (let mask = (1 << n) - 1; mask > 0; mask--) {
      const set = words.filter((_, i) => mask & (1 << i));
      if (set.length >= smallest) out.push(set);
    }
    return out.sort((a, b) => b.length - a.length);
  }

  // Results for the words: records, then source texts. Pagefind finds only pages with every
  // word. A question is seldom answered in its own words, and keywords may be too many: for a
  // question, and when fewer than ENOUGH records have every word, each set of at least half of
  // the words is searched too, and a page ranks by its best score for any set, times the share of
  // the words that set has, squared (a page with two of three words needs more than twice the
  // score of a page with all three). `complete`: how many pages have every word.
  async function find(engine, { words, question }) {
    const both = async (text) => {
      const [records, sources] = await Promise.all([engine.search(text, RECORDS), engine.search(text, SOURCES)]);
      return [records.results, sources.results];
    };
    const sets = subsets(words);
    const all = await both(sets[0].join(" "));
    const complete = all[0].length + all[1].length;
    if (words.length < 2 || (all[0].length >= ENOUGH && !question)) {
      return { results: all.flat(), complete, partial: false };
    }
    const found = [new Map(), new Map()]; // records, source texts: id → {result, value}
    const each = [all, ...(await Promise.all(sets.slice(1).map((set) => both(set.join(" ")))))];
    each.forEach((lists, i) => {
      const share = (sets[i].length / words.length) ** 2;
      lists.forEach((results, kind) => {
        for (const result of results) {
          const value = result.score * share;
          if (!found[kind].has(result.id) || found[kind].get(result.id).value < value) {
            found[kind].set(result.id, { result, value });
          }
        }
      });
    });
    const results = found.flatMap((kind) => [...kind.values()].sort((a, b) => b.value - a.value).map((f) => f.result));
    return { results, complete, partial: true };
  }

  // The passage of a result: the first SPAN words with the most different matched words, in the
  // page's own text (matches only in its extra search terms, "Søgeord: ...", which follow its
  // text, are no passage: the start of the page is shown instead); the anchor nearest before it
  // when it is far into the page; and the words matched there, to mark on the page.
  function passage(data) {
    const words = data.content.split(/\s+/);
    const cut = words.indexOf("Søgeord:");
    const limit = cut < 0 ? words.length : cut;
    const hits = [...new Set(data.locations)].filter((l) => l < limit).sort((a, b) => a - b);
    let first = hits.length ? hits[0] : 0;
    let best = -1;
    hits.forEach((from, i) => {
      const near = hits.slice(i).filter((l) => l < from + SPAN);
      const different = new Set(near.map((l) => clean(words[l]).toLocaleLowerCase("da"))).size;
      if (different > best) [best, first] = [different, from];
    });
    const start = Math.max(0, first - LEAD);
    const end = Math.min(limit, first + SPAN);
    const anchor = first < TOP ? null : (data.anchors || [])
      .filter((a) => a.id && a.location > 0 && a.location <= first)
      .reduce((a, b) => (!a || b.location >= a.location ? b : a), null);
    const marked = hits.filter((l) => l >= first && l < end).map((l) => clean(words[l])).filter(Boolean);
    return { words, start, end, limit, hits: new Set(hits), anchor, marked: [...new Set(marked)].slice(0, 8) };
  }

  function passageText(p) {
    const text = document.createElement("p");
    if (p.start > 0) text.append("… ");
    for (let i = p.start; i < p.end; i++) {
      if (p.hits.has(i)) { // the word marked, the punctuation around it not
        const [, before, word, after] = p.words[i].match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
        const mark = document.createElement("mark");
        mark.textContent = word;
        text.append(before, mark, after);
      } else text.append(p.words[i]);
      text.append(" ");
    }
    if (p.end < p.limit) text.append("…");
    return text;
  }

  function item(data) {
    const p = passage(data);
    const url = new URL(data.url, document.baseURI);
    for (const word of p.marked) url.searchParams.append(HIGHLIGHT, word);
    if (p.anchor) url.hash = p.anchor.id;
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = url.href;
    link.textContent = data.meta.title || data.url;
    const heading = document.createElement("h2");
    heading.append(link);
    const about = document.createElement("p");
    about.className = "vs-search-meta";
    about.textContent = [data.meta.type, data.meta.dokument, data.meta["år"]].filter(Boolean).join(" · ");
    li.append(heading, about, passageText(p));
    return li;
  }

  function searchPage(root, vs) {
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
    let said = ""; // what the status says about the results shown
    const pager = vs.pager(list, more, PAGE, (result) => result.data().then(item), () => {
      if (said) performance.mark("search-results"); // read by the benchmark
      status.textContent = said;
    });
    let ready = null; // {engine, lex} once the index is ready
    let loading = null;
    let latest = 0;

    // Loads and sets up the index and the lexicon once, however many callers ask at the same time.
    function engine() {
      loading = loading || (async () => {
        const lexiconFile = fetch(new URL("ordforraad.json", bundle))
          .then((r) => (r.ok ? r.json() : null)).then((d) => d && lexicon(d), () => null);
        const engine = await import(new URL("pagefind.js", bundle).href);
        // termSimilarity > 1 ranks whole-word matches ("innovation") above longer words that
        // merely start with the query ("innovationsnetværk"); a low pageLength stops long pages
        // such as meeting minutes from sinking below short pages that only link to them.
        await engine.options({ baseUrl: new URL("..", bundle).pathname,
                               ranking: { termSimilarity: 6, pageLength: 0.3 } });
        await engine.init();
        ready = { engine, lex: await lexiconFile };
        performance.mark("search-ready"); // read by the benchmark
        return ready;
      })();
      return loading;
    }

    async function run(query) {
      const mine = ++latest;
      vs.writeUrl({ q: query }, false);
      if (!query.trim()) {
        said = "";
        pager.show([]);
        return;
      }
      const { engine: pagefind, lex } = await engine();
      const asked = analyse(query, lex);
      const found = await find(pagefind, asked);
      const words = asked.words;
      if (mine !== latest) return;
      const n = found.results.length;
      const typed = query.trim().split(/\s+/).join(" ");
      const searched = words.join(" ") === typed ? "" : ` (søgt på: ${words.join(" ")})`;
      said = n === 0 ? `Ingen resultater for »${query}«${searched}.`
        : `${vs.number(n)} ${n === 1 ? "resultat" : "resultater"} for »${query}«${searched}.`;
      if (found.partial && n > found.complete && !asked.question) {
        said += ` ${found.complete === 0 ? "Ingen" : `Kun ${vs.number(found.complete)}`} ${found.complete === 1 ? "side" : "sider"}`
          + " har alle ordene, så også sider med de fleste af dem er med.";
      }
      // Only the first page of results is fetched; more on request, so the first answer is quick.
      pager.show(found.results);
    }

    // While the user types, fetch the index chunks for the words so far; search after a short pause.
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      if (ready && input.value.trim()) ready.engine.preload(analyse(input.value, ready.lex).words.join(" "));
      timer = setTimeout(() => run(input.value), 60);
    });
    root.querySelector("form").addEventListener("submit", (event) => {
      event.preventDefault();
      run(input.value);
    });
    const initial = new URLSearchParams(location.search).get("q") || "";
    input.value = initial;
    if (initial) run(initial);
    engine(); // start loading the index while the user types
  }

  // A page opened from a result: mark the words it matched (Pagefind's highlighter, from the
  // search bundle; its own styles are left out, as the policy allows no inline style, so <mark>
  // shows as the browser shows it) and open at the first of them from the anchor on.
  async function highlight() {
    const article = document.querySelector(".md-content article");
    if (!article || !new URLSearchParams(location.search).has(HIGHLIGHT)) return;
    await import(new URL("pagefind-highlight.js", BUNDLE).href);
    new window.PagefindHighlight({
      highlightParam: HIGHLIGHT,
      markContext: article,
      addStyles: false,
      markOptions: {
        className: "vs-highlight",
        diacritics: false,
        accuracy: { value: "exactly", limiters: [..."«»”“\"'.,;:!?()[]–-/"] },
        exclude: [".headerlink"],
      },
    });
    const from = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const first = Array.from(article.querySelectorAll("mark.vs-highlight")).find(
      (mark) => !from || from.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (from && first) first.scrollIntoView({ block: "center" });
  }

  document.addEventListener("DOMContentLoaded", () => {
    highlight().catch((e) => console.error(e));
    const root = document.getElementById("soegning");
    if (root && window.vaekstaftaler) searchPage(root, window.vaekstaftaler);
  });
})();
