// The finder: narrows the initiatives (from find/initiativer.json) by region, theme, target
// group, year, status and free text, orders them by source, newest or end, and shows them 50 at a time. Counts beside each choice show
// how many initiatives it would leave. The selection is kept in the URL (shareable; the back
// button restores it); the CSV has every matching initiative, not only those shown. Results and
// follow links are copies of the page's own markup (its <template> elements), filled with data.
(function () {
  "use strict";
  const vs = window.vaekstaftaler;
  const root = document.querySelector(".vs-finder");
  if (!root || !vs) return;
  const PAGE = 50;
  const form = root.querySelector(".vs-finder-form");
  const actions = root.querySelector(".vs-finder-actions");
  const count = root.querySelector(".vs-count");
  const list = root.querySelector(".vs-finder-results");
  const follow = root.querySelector(".vs-follow");
  const facets = Array.from(form.querySelectorAll(".vs-facet"));
  const selects = Array.from(form.querySelectorAll("select"));
  const text = form.querySelector("input[name=q]");
  const { number } = vs;
  // On a phone the filters fold away under a button that says how many are chosen; chips under
  // it name each chosen filter and remove it (assets/site.css folds them by the screen's width).
  const toggle = form.querySelector(".vs-filter-toggle");
  const chips = form.querySelector(".vs-chips");
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    form.classList.toggle("vs-unfolded", open);
  });
  // The link past the filters moves keyboard focus to the results (without a history entry).
  root.querySelector(".vs-skip-results a").addEventListener("click", (e) => {
    e.preventDefault();
    list.focus();
  });
  vs.takeOver(root, list, start);

  // Each chosen filter as [its label, a function that clears it]: ticked boxes and selects with
  // a value (the order is not a filter; the free text stays in view in its own field).
  function chosenFilters() {
    const chosen = Array.from(form.querySelectorAll(".vs-facet input:checked"), (box) => [
      box.parentElement.querySelector(".vs-facet-label").textContent, () => { box.checked = false; }]);
    for (const s of selects) {
      if (!s.value || s.name === "orden") continue;
      const name = s.closest("label").firstChild.textContent.trim();
      chosen.push([`${name}: ${s.selectedOptions[0].textContent}`, () => { s.value = ""; }]);
    }
    return chosen;
  }

  function showChosen() {
    const chosen = chosenFilters();
    toggle.querySelector(".vs-chosen-count").textContent = chosen.length ? `(${number(chosen.length)} valgt)` : "";
    chips.hidden = chosen.length === 0;
    chips.replaceChildren(...chosen.map(([label, clear], n) => {
      const chip = vs.element("button", label, "vs-chip");
      chip.type = "button";
      chip.setAttribute("aria-label", `Fjern filteret ${label}`);
      chip.addEventListener("click", () => {
        clear();
        form.dispatchEvent(new Event("change")); // applied as any other choice
        // focus stays in the chips: on the one that took this one's place, else the last
        const rest = chips.querySelectorAll("button");
        (rest[Math.min(n, rest.length - 1)] || (toggle.offsetParent ? toggle : text)).focus();
      });
      const item = document.createElement("li");
      item.append(chip);
      return item;
    }));
  }

  function start(data) {
    const items = data.items;
    const siteRoot = new URL(root.dataset.root, location.href);
    const cards = vs.filler(root.querySelector("template.vs-finder-card"), siteRoot, data.names);
    const card = vs.memo(cards.fill);
    const filter = vs.textFilter(data.folds);
    const haystack = vs.memo((x) => filter.index(cards.text(x))); // made when text is first typed
    let matched = [];
    const pager = vs.pager(list, root.querySelector(".vs-more"), PAGE, card, (shown) => {
      count.textContent = vs.countText(matched.length, items.length, shown, "initiativer");
    }, cards.shows);

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
        if (name === skip || name === "orden" || values.length === 0) continue;
        if (name === "q") {
          if (!filter.matches(haystack(x), values[0])) return false;
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

    // Feeds exist for each combination of one value or "any" per facet, so several values
    // within a facet are followed through one feed per combination of the chosen values. The
    // page gives each choice's part of the file names, and how parts make a file name.
    const followList = follow.querySelector("ul");
    const everything = followList.firstElementChild.cloneNode(true);
    const narrow = follow.querySelector(".vs-follow-narrow");
    const followItem = vs.filler(follow.querySelector("template.vs-follow-item"), siteRoot, data.names).fill;
    const { feed, calendar, separator } = follow.dataset;
    function updateFollowLinks() {
      let combinations = [[]];
      for (const f of facets) {
        const chosen = Array.from(f.querySelectorAll("input:checked")).map((box) => ({
          part: box.dataset.feed,
          label: box.parentElement.querySelector(".vs-facet-label").textContent,
        }));
        if (chosen.length) combinations = combinations.flatMap((c) => chosen.map((v) => [...c, v]));
      }
      const tooMany = combinations.length > Number(follow.dataset.max);
      narrow.hidden = !tooMany;
      narrow.querySelector(".vs-follow-count").textContent = number(combinations.length);
      followList.hidden = tooMany;
      if (tooMany) {
        followList.replaceChildren();
      } else if (combinations[0].length === 0) {
        followList.replaceChildren(everything.cloneNode(true));
      } else {
        followList.replaceChildren(...combinations.map((c) => {
          const parts = c.map((v) => v.part).join(separator);
          return followItem({ label: c.map((v) => v.label).join(" · "),
            feed: feed.replace("{}", () => parts), calendar: calendar.replace("{}", () => parts) });
        }));
      }
    }

    // "nyeste": latest start first; "slut": latest end first, unknown ends last; else source order
    const orders = {
      nyeste: (a, b) => b.start - a.start,
      slut: (a, b) => (b.slut || -1) - (a.slut || -1),
    };

    function apply(push) {
      const chosen = selection();
      matched = items.filter((x) => matches(x, chosen, null));
      if (orders[chosen.orden[0]]) matched.sort(orders[chosen.orden[0]]);
      pager.show(matched);
      updateCounts(chosen);
      showChosen();
      vs.writeUrl(Object.fromEntries(Object.entries(chosen).map(([name, values]) => [name, values.join(",")])), push);
      updateFollowLinks();
    }

    // The CSV has a column for each part of a result: its title, summary, each of its details
    // (headed as in the page) and the link to its page.
    function csv() {
      const model = root.querySelector("template.vs-finder-card").content;
      const rows = [["Initiativ", "Resumé", ...Array.from(model.querySelectorAll("dt"), (dt) => dt.textContent), "Link"]];
      for (const x of matched) {
        const li = card(x);
        const title = li.querySelector("h2 a");
        rows.push([title.textContent, li.querySelector(".vs-finder-summary").textContent,
          ...Array.from(li.querySelectorAll("dd"), (dd) => dd.textContent), title.href]);
      }
      // A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP), as in
      // the open-data CSV files (scripts/publish/export.py, FORMULA_START).
      const cell = (v) => (/^[=+\-@\t\r']/.test(String(v)) ? "'" : "") + String(v);
      const quote = (v) => `"${cell(v).replace(/"/g, '""')}"`;
      const body = "\ufeff" + rows.map((r) => r.map(quote).join(";")).join("\r\n") + "\r\n";
      const download = document.createElement("a");
      download.href = URL.createObjectURL(new Blob([body], { type: "text/csv;charset=utf-8" }));
      // the file name says the selection: initiativer-region-midtjylland-2016.csv
      const parts = Object.entries(selection()).filter(([name]) => name !== "orden").flatMap(([, values]) => values);
      const slug = parts.join("-").toLocaleLowerCase("da").replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
        .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80);
      download.download = `initiativer${slug ? "-" + slug : ""}.csv`;
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
