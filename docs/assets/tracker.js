// The commitments table: every commitment (from tilsagn/tilsagn.json), filtered by ministry,
// document, year, status, theme and region, sorted by any column and shown 100 rows at a time.
// Sorting and filtering cover all rows, not only those shown. The selection is kept in the URL
// (shareable; the back button restores it).
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
  const { element } = vs;
  vs.takeOver(root, table.tBodies[0], start);

  function start(data) {
    const names = data.names;
    const { link, links } = vs.linker(new URL(root.dataset.root, location.href), names);
    let order = data.rows.slice(); // all rows in the chosen sort order
    let matched = [];
    const pager = vs.pager(table.tBodies[0], root.querySelector(".vs-more"), PAGE, render, (shown) => {
      count.textContent = vs.countText(matched.length, data.rows.length, shown, "tilsagn");
    });

    function matches(row, name, value) {
      if (!value) return true;
      const own = row[name];
      return Array.isArray(own) ? own.includes(value) : String(own) === value;
    }

    function cell(...content) {
      const td = element("td");
      td.append(...content);
      return td;
    }

    function small(...content) {
      const node = element("small");
      node.append(...content);
      return node;
    }

    function deadline(row) {
      const quoted = row.deadline_text ? `”${row.deadline_text}”` : "";
      if (row.deadline) return quoted ? [row.deadline, element("br"), small(quoted)] : [row.deadline];
      return quoted ? [small(quoted)] : ["–"];
    }

    function status(row) {
      const parts = [row.status];
      if (row.status_source) parts.push(element("br"), small("ifølge ", link(row.status_source)));
      if (row.overdue) parts.push(element("br"), element("strong", "frist passeret", "vs-overdue"));
      return parts;
    }

    function render(row) {
      const tr = element("tr");
      tr.append(cell(link(row.document)), cell(String(row.aar)), links(element("td"), row.by),
        cell(`${row.what} `, link(row.source, "(kilde)")), cell(...deadline(row)), cell(...status(row)),
        cell(link(row.initiative)));
      return tr;
    }

    function apply(push) {
      matched = order.filter((row) => selects.every((s) => matches(row, s.name, s.value)));
      pager.show(matched);
      vs.writeUrl(Object.fromEntries(selects.map((s) => [s.name, s.value])), push);
    }

    function readUrl() {
      const params = new URLSearchParams(location.search);
      for (const s of selects) s.value = params.get(s.name) || "";
    }

    // Sorting: each column header becomes a button; the deadline column sorts by date.
    const nameOf = (href) => names[href] || "";
    const keys = [(r) => nameOf(r.document), (r) => String(r.aar), (r) => r.by.map(nameOf).join(", "),
      (r) => r.what, (r) => r.frist || "9999", (r) => r.status, (r) => nameOf(r.initiative)];
    const collator = new Intl.Collator("da", { numeric: true });
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach((th, index) => {
      const button = element("button", th.textContent, "vs-sort");
      button.type = "button";
      th.replaceChildren(button);
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach((h) => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const key = new Map(order.map((row) => [row, keys[index](row).toLocaleLowerCase("da")]));
        order = order.slice().sort((a, b) => collator.compare(key.get(a), key.get(b)) * (ascending ? 1 : -1));
        apply(false);
      });
    });

    for (const s of selects) s.addEventListener("change", () => apply(true));
    form.addEventListener("reset", () => setTimeout(() => apply(true)));
    form.addEventListener("submit", (e) => { e.preventDefault(); apply(true); });
    window.addEventListener("popstate", () => { readUrl(); apply(false); });
    form.hidden = false;
    readUrl();
    apply(false);
  }
})();
