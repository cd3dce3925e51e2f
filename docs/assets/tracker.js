// The commitments table: every commitment (from tilsagn/tilsagn.json), filtered by free text,
// ministry, document, year, status, firmness, theme and region, sorted by any column and shown 100 rows at
// a time. Sorting and filtering cover all rows, not only those shown. The selection is kept in
// the URL (shareable; the back button restores it). Rows are copies of the page's own markup
// (its <template> element), filled with data.
(function () {
  "use strict";
  const vs = window.vaekstaftaler;
  const root = document.querySelector(".vs-tracker");
  if (!root || !vs) return;
  const PAGE = 100;
  const form = root.querySelector(".vs-filters");
  const count = root.querySelector(".vs-count");
  const table = root.querySelector("table");
  const selects = Array.from(form.querySelectorAll("select"));
  const text = form.querySelector("input[name=q]");
  vs.takeOver(root, table.tBodies[0], start);

  function start(data) {
    const names = data.names;
    const rows = vs.filler(root.querySelector("template.vs-commitment"), new URL(root.dataset.root, location.href), names);
    const tr = vs.memo(rows.fill);
    const filter = vs.textFilter(data.folds);
    const haystack = vs.memo((row) => filter.index(rows.text(row))); // made when text is first typed
    let order = data.rows.slice(); // all rows in the chosen sort order
    let matched = [];
    const pager = vs.pager(table.tBodies[0], root.querySelector(".vs-more"), PAGE, tr, (shown) => {
      count.textContent = vs.countText(matched.length, data.rows.length, shown, "tilsagn");
    }, rows.shows);

    function matches(row, name, value) {
      if (!value) return true;
      const own = row[name];
      return Array.isArray(own) ? own.includes(value) : String(own) === value;
    }

    function apply(push) {
      const query = text.value.trim();
      matched = order.filter((row) => selects.every((s) => matches(row, s.name, s.value))
        && (!query || filter.matches(haystack(row), query)));
      pager.show(matched);
      vs.writeUrl({ q: query, ...Object.fromEntries(selects.map((s) => [s.name, s.value])) }, push);
    }

    function readUrl() {
      const params = new URLSearchParams(location.search);
      for (const s of selects) s.value = params.get(s.name) || "";
      text.value = params.get("q") || "";
    }

    // Sorting: each column header becomes a button. A column sorts by the field its header
    // names (data-sort): the names of linked pages, or the value itself; empty values last.
    const sortText = (value) => (Array.isArray(value) ? value.map(sortText).join(", ")
      : names[value] ?? String(value));
    const collator = new Intl.Collator("da", { numeric: true });
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach((th) => {
      const button = vs.element("button", th.textContent, "vs-sort");
      button.type = "button";
      th.replaceChildren(button);
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach((h) => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const key = new Map(order.map((row) => [row, sortText(row[th.dataset.sort]).toLocaleLowerCase("da") || "\uffff"]));
        order = order.slice().sort((a, b) => collator.compare(key.get(a), key.get(b)) * (ascending ? 1 : -1));
        apply(false);
      });
    });

    for (const s of selects) s.addEventListener("change", () => apply(true));
    text.addEventListener("input", () => apply(false));
    form.addEventListener("reset", () => setTimeout(() => apply(true)));
    form.addEventListener("submit", (e) => { e.preventDefault(); apply(true); });
    window.addEventListener("popstate", () => { readUrl(); apply(false); });
    form.hidden = false;
    readUrl();
    apply(false);
  }
})();
