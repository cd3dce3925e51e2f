// The commitments table: filter by ministry, document, year, status, theme and region, sort
// by any column, with the selection kept in the URL. Without JavaScript the full table shows.
(function () {
  "use strict";
  const root = document.querySelector(".vs-tracker");
  if (!root) return;
  const form = root.querySelector(".vs-filters");
  const count = root.querySelector(".vs-count");
  const table = root.querySelector("table");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const selects = Array.from(form.querySelectorAll("select"));
  form.hidden = false;

  function matches(row, name, value) {
    if (!value) return true;
    const cell = row.dataset[name] || "";
    return cell.split(" ").includes(value);
  }

  function apply() {
    const url = new URL(location.href);
    let shown = 0;
    for (const row of rows) {
      const ok = selects.every((s) => matches(row, s.name, s.value));
      row.hidden = !ok;
      shown += ok;
    }
    for (const s of selects) {
      if (s.value) url.searchParams.set(s.name, s.value); else url.searchParams.delete(s.name);
    }
    history.replaceState(null, "", url);
    count.textContent = `Viser ${shown} af ${rows.length} tilsagn.`;
  }

  const params = new URLSearchParams(location.search);
  for (const s of selects) {
    if (params.has(s.name)) s.value = params.get(s.name);
    s.addEventListener("change", apply);
  }
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", (e) => { e.preventDefault(); apply(); });

  // Sorting: each column header becomes a button; the frist column sorts by date.
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((th, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "vs-sort";
    button.textContent = th.textContent;
    th.replaceChildren(button);
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const key = (row) => th.textContent === "Frist" ? (row.dataset.frist || "9999")
        : row.cells[index].textContent.trim().toLocaleLowerCase("da");
      rows.sort((a, b) => key(a).localeCompare(key(b), "da", { numeric: true }) * (ascending ? 1 : -1));
      body.append(...rows);
    });
  });
  apply();
})();
