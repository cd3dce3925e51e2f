// The finder: narrows the initiatives (from find/initiativer.json) by region, theme, target
// group, year, status and free text, and shows them 50 at a time. Counts beside each choice show
// how many initiatives it would leave. The selection is kept in the URL (shareable; the back
// button restores it); the CSV has every matching initiative, not only those shown.
(function () {
  "use strict";
  const vs = window.vaekstaftaler;
  const root = document.querySelector(".vs-finder");
  if (!root || !vs) return;
  const PAGE = 50;
  const MAX_FEEDS = 6; // more combinations than this: ask to narrow the selection instead
  const form = root.querySelector(".vs-finder-form");
  const actions = root.querySelector(".vs-finder-actions");
  const count = root.querySelector(".vs-count");
  const list = root.querySelector(".vs-finder-results");
  const follow = root.querySelector(".vs-follow");
  const facets = Array.from(form.querySelectorAll(".vs-facet"));
  const selects = Array.from(form.querySelectorAll("select"));
  const text = form.querySelector("input[name=q]");
  const { element, number } = vs;
  vs.takeOver(root, list, start);

  function start(data) {
    const items = data.items;
    const names = data.names;
    const { link, links, url } = vs.linker(new URL(root.dataset.root, location.href), names);
    const haystack = new Map(items.map((x) => [x, vs.fold([x.title, x.summary, ...x.groups.map((h) => names[h]),
      x.when, ...x.who.map((h) => names[h]), names[x.source], x.status].join(" "))]));
    let matched = [];
    const pager = vs.pager(list, root.querySelector(".vs-more"), PAGE, render, (shown) => {
      count.textContent = vs.countText(matched.length, items.length, shown, "initiativer");
    });

    function selection() {
      const chosen = {};
      for (const f of facets) {
        chosen[f.dataset.facet] = Array.from(f.querySelectorAll("input:checked")).map((i) => i.value);
      }
      for (const s of selects) chosen[s.name] = s.value ? [s.value] : [];
      chosen.q = text.value.trim() ? [text.value.trim()] : [];
      return chosen;
    }

    // Within a facet any chosen value matches; across facets all must match. `skip` leaves
    // one facet out (for the counts beside its choices).
    function matches(x, chosen, skip) {
      for (const [name, values] of Object.entries(chosen)) {
        if (name === skip || values.length === 0) continue;
        if (name === "q") {
          if (!vs.fold(values[0]).split(/\s+/).every((w) => haystack.get(x).includes(w))) return false;
        } else if (name === "aar") {
          if (Number(values[0]) < x.aar[0] || Number(values[0]) > x.aar[1]) return false;
        } else if (name === "status") {
          if (x.status !== values[0]) return false;
        } else if (!values.some((v) => x[name].includes(v))) {
          return false;
        }
      }
      return true;
    }

    function render(x) {
      const li = document.createElement("li");
      const heading = element("h2");
      heading.append(link(x.href, x.title));
      const dl = document.createElement("dl");
      if (x.groups.length) dl.append(element("dt", "For"), links(element("dd", "", "vs-for"), x.groups));
      dl.append(element("dt", "Hvornår"), element("dd", x.when, "vs-when"));
      if (x.who.length) dl.append(element("dt", "Hvem står bag"), links(element("dd", "", "vs-who"), x.who));
      const source = element("dd");
      source.append(link(x.source), ` · status: ${x.status}`);
      dl.append(element("dt", "Kilde"), source);
      li.append(heading, element("p", x.summary, "vs-finder-summary"), dl);
      return li;
    }

    function readUrl() {
      const params = new URLSearchParams(location.search);
      for (const f of facets) {
        const values = (params.get(f.dataset.facet) || "").split(",");
        for (const box of f.querySelectorAll("input")) box.checked = values.includes(box.value);
      }
      for (const s of selects) s.value = params.get(s.name) || "";
      text.value = params.get("q") || "";
    }

    function updateCounts(chosen) {
      for (const f of facets) {
        const name = f.dataset.facet;
        const tally = new Map();
        for (const x of items) {
          if (matches(x, chosen, name)) for (const v of x[name]) tally.set(v, (tally.get(v) || 0) + 1);
        }
        for (const box of f.querySelectorAll("input")) {
          box.parentElement.querySelector(".vs-facet-count").textContent = `(${number(tally.get(box.value) || 0)})`;
        }
      }
    }

    // Feeds exist for each combination of one value or "any" per facet (fixed order: region,
    // theme, target group; see scripts/feeds.py), so several values within a facet are
    // followed through one feed per combination of the chosen values.
    function updateFollowLinks() {
      let combinations = [[]];
      for (const f of facets) {
        const chosen = Array.from(f.querySelectorAll("input:checked")).map((box) => ({
          part: `${f.dataset.feedKind}-${box.value}`,
          label: box.parentElement.querySelector(".vs-facet-label").textContent,
        }));
        if (chosen.length) combinations = combinations.flatMap((c) => chosen.map((v) => [...c, v]));
      }
      const intro = element("p", "Følg med i dit valg:");
      const scope = element("p", "Årstal, status og fritekst indgår ikke i feeds og kalendere.");
      if (combinations.length > MAX_FEEDS) {
        follow.replaceChildren(intro, element("p", `Dit valg svarer til ${number(combinations.length)} feeds. ` +
          `Vælg færre regioner, temaer eller målgrupper (højst ${MAX_FEEDS} kombinationer) for at få links til at følge med.`), scope);
        return;
      }
      const ul = element("ul");
      for (const c of combinations) {
        const name = c.length ? "feeds/" + c.map((v) => v.part).join("+") : null;
        const li = element("li", `${c.length ? c.map((v) => v.label).join(" · ") : "Alle initiativer"}: `);
        li.append(link(name ? `${name}.xml` : "feed.xml", "nye og ændrede initiativer (Atom-feed)"), " · ",
          link(name ? `${name}.ics` : "frister.ics", "frister (iCal)"));
        ul.append(li);
      }
      follow.replaceChildren(intro, ul, scope);
    }

    function apply(push) {
      const chosen = selection();
      matched = items.filter((x) => matches(x, chosen, null));
      pager.show(matched);
      updateCounts(chosen);
      vs.writeUrl(Object.fromEntries(Object.entries(chosen).map(([name, values]) => [name, values.join(",")])), push);
      updateFollowLinks();
    }

    function csv() {
      const rows = [["Initiativ", "Resumé", "For", "Hvornår", "Hvem står bag", "Kilde", "Link"]];
      for (const x of matched) {
        rows.push([x.title, x.summary, x.groups.map((h) => names[h]).join(", "), x.when,
          x.who.map((h) => names[h]).join(", "), `${names[x.source]} · status: ${x.status}`, url(x.href)]);
      }
      // A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP), as in
      // the open-data CSV files (scripts/export.py, FORMULA_START).
      const cell = (v) => (/^[=+\-@\t\r']/.test(String(v)) ? "'" : "") + String(v);
      const quote = (v) => `"${cell(v).replace(/"/g, '""')}"`;
      const body = "\ufeff" + rows.map((r) => r.map(quote).join(";")).join("\r\n") + "\r\n";
      const download = document.createElement("a");
      download.href = URL.createObjectURL(new Blob([body], { type: "text/csv;charset=utf-8" }));
      download.download = "initiativer.csv";
      download.click();
      URL.revokeObjectURL(download.href);
    }

    form.addEventListener("change", () => apply(true));
    text.addEventListener("input", () => apply(false));
    form.addEventListener("submit", (e) => { e.preventDefault(); apply(true); });
    form.addEventListener("reset", () => setTimeout(() => apply(true)));
    root.querySelector(".vs-csv").addEventListener("click", csv);
    window.addEventListener("popstate", () => { readUrl(); apply(false); });
    form.hidden = false;
    actions.hidden = false;
    readUrl();
    apply(false);
  }
})();
