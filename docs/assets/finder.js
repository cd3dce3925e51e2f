// The finder: narrows the initiatives listed on the page by region, theme, target group, year,
// status and free text. Counts beside each choice show how many initiatives it would leave.
// The selection is kept in the URL (shareable; the back button restores it).
(function () {
  "use strict";
  const root = document.querySelector(".vs-finder");
  if (!root) return;
  const form = root.querySelector(".vs-finder-form");
  const actions = root.querySelector(".vs-finder-actions");
  const count = root.querySelector(".vs-count");
  const items = Array.from(root.querySelectorAll(".vs-finder-results > li"));
  const facets = Array.from(form.querySelectorAll(".vs-facet"));
  const selects = Array.from(form.querySelectorAll("select"));
  const text = form.querySelector("input[name=q]");
  const siteRoot = new URL(root.dataset.root, location.href);
  form.hidden = false;
  actions.hidden = false;

  // Fold case and æ/ø/å so "fodevarer" finds "fødevarer".
  const fold = (s) => s.toLocaleLowerCase("da").replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
  const haystack = new Map(items.map((li) => [li, fold(li.textContent)]));

  function selection() {
    const chosen = {};
    for (const f of facets) {
      chosen[f.dataset.facet] = Array.from(f.querySelectorAll("input:checked")).map((i) => i.value);
    }
    for (const s of selects) chosen[s.name] = s.value ? [s.value] : [];
    chosen.q = text.value.trim() ? [text.value.trim()] : [];
    return chosen;
  }

  // Within a facet any chosen value matches; across facets all must match.
  function matches(li, chosen, skip) {
    for (const [name, values] of Object.entries(chosen)) {
      if (name === skip || values.length === 0) continue;
      if (name === "q") {
        if (!fold(values[0]).split(/\s+/).every((w) => haystack.get(li).includes(w))) return false;
        continue;
      }
      const own = (li.dataset[name] || "").split(" ");
      if (!values.some((v) => own.includes(v))) return false;
    }
    return true;
  }

  function writeUrl(chosen, push) {
    const url = new URL(location.href);
    for (const [name, values] of Object.entries(chosen)) {
      if (values.length) url.searchParams.set(name, values.join(",")); else url.searchParams.delete(name);
    }
    if (url.href !== location.href) history[push ? "pushState" : "replaceState"](null, "", url);
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

  function updateFollowLinks(chosen) {
    // One feed per chosen value: the site is static, so combinations have no feed of their own.
    const follow = root.querySelector(".vs-follow");
    const chosenFacets = facets.flatMap((f) => Array.from(f.querySelectorAll("input:checked"))
      .map((box) => ({ kind: f.dataset.feedKind, id: box.value, label: box.parentElement.firstChild.textContent.trim() })));
    if (!chosenFacets.length) return;
    follow.replaceChildren("Følg med: ");
    chosenFacets.forEach((c, n) => {
      if (n) follow.append(" · ");
      const feed = document.createElement("a");
      feed.href = new URL(`feeds/${c.kind}-${c.id}.xml`, siteRoot).href;
      feed.textContent = `${c.label} (Atom-feed)`;
      const cal = document.createElement("a");
      cal.href = new URL(`feeds/${c.kind}-${c.id}.ics`, siteRoot).href;
      cal.textContent = "frister (iCal)";
      follow.append(feed, " og ", cal);
    });
  }

  function apply(push) {
    const chosen = selection();
    let shown = 0;
    for (const li of items) {
      const ok = matches(li, chosen, null);
      li.hidden = !ok;
      shown += ok;
    }
    for (const f of facets) {
      for (const box of f.querySelectorAll("input")) {
        const n = items.filter((li) => matches(li, { ...chosen, [f.dataset.facet]: [box.value] }, null)).length;
        box.parentElement.querySelector(".vs-facet-count").textContent = `(${n})`;
      }
    }
    count.textContent = `${shown} af ${items.length} initiativer passer til dit valg.`;
    writeUrl(chosen, push);
    updateFollowLinks(chosen);
  }

  function csv() {
    const rows = [["Initiativ", "Resumé", "For", "Hvornår", "Hvem står bag", "Kilde", "Link"]];
    for (const li of items.filter((li) => !li.hidden)) {
      const get = (sel) => (li.querySelector(sel) || { textContent: "" }).textContent.trim();
      const dds = li.querySelectorAll("dd");
      rows.push([get("h2"), get(".vs-finder-summary"), get(".vs-for"), get(".vs-when"), get(".vs-who"),
        dds[dds.length - 1].textContent.trim(), li.querySelector("h2 a").href]);
    }
    const quote = (v) => `"${String(v).replace(/"/g, '""')}"`;
    const text = "\ufeff" + rows.map((r) => r.map(quote).join(";")).join("\r\n") + "\r\n";
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    link.download = "initiativer.csv";
    link.click();
    URL.revokeObjectURL(link.href);
  }

  form.addEventListener("change", () => apply(true));
  text.addEventListener("input", () => apply(false));
  form.addEventListener("submit", (e) => { e.preventDefault(); apply(true); });
  form.addEventListener("reset", () => setTimeout(() => apply(true)));
  root.querySelector(".vs-csv").addEventListener("click", csv);
  window.addEventListener("popstate", () => { readUrl(); apply(false); });
  readUrl();
  apply(false);
})();
