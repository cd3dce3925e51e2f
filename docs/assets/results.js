// What the finder, the commitments tracker and the search page share: loading a tool's JSON
// (written at build time by scripts/render/tool_data.py), filling the page's own markup for a result
// with data as text only, the free-text filter, keeping the selection in the URL, Danish
// numbers, and showing long result lists a page at a time.
(function () {
  "use strict";

  // One formatter for all numbers: toLocaleString makes a new one each time, slow over many counts.
  const numbers = new Intl.NumberFormat("da-DK");
  const number = (n) => numbers.format(n);

  // The tool's data: the file named in the root element's data-json, relative to the page.
  async function load(root) {
    const response = await fetch(new URL(root.dataset.json, location.href));
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    return response.json();
  }

  // Take over from the list in the page: hide its note for readers without JavaScript, then
  // start(data). While a selection in the URL waits to be applied, the list is not shown (nor
  // drawn: assets/site.css hides it until it is marked vs-ready). If the data cannot be loaded,
  // the page stays as it is without JavaScript: the root's class vs-failed hides the parts that
  // need the data (.vs-needs-js).
  function takeOver(root, list, start) {
    const note = root.querySelector(".vs-static-note");
    note.hidden = true;
    load(root).then((data) => {
      try {
        start(data);
      } finally {
        list.classList.add("vs-ready");
      }
    }, () => {
      root.classList.add("vs-failed");
      note.hidden = false;
      list.classList.add("vs-ready");
    });
  }

  // An element with text (never parsed as HTML).
  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  const present = (value) => (Array.isArray(value) ? value.length > 0 : Boolean(value));

  // Copies of the markup in a <template> that the page renders with the same macro as the
  // results it lists itself, filled with an item's data. The markup names the fields it shows:
  //   data-text="f"   the element's text is the field's value
  //   data-href="f"   the link goes to the field's page (a URL relative to the site root)
  //   data-link="f"   both: the link goes to the field's page and its text is that page's name
  //   data-links="f"  the element's links, separated by commas: one per page in the field's
  //                   list, each a copy of the template's first link
  //   data-if="f g !h" the element is hidden unless f and g have a value and h has none
  // Names of linked pages are in `names`, keyed by URL. Text is only ever set as text.
  // `fill(item)` is the filled copy; `text(item)` the text it shows from the data (not the labels
  // around it), without making the copy, to filter on; `shows(node, item)` whether a node made
  // with the same markup (such as the page's own list) shows the item: the same links and texts.
  function filler(template, siteRoot, names) {
    const model = template.content.firstElementChild;
    const url = (href) => new URL(href, siteRoot).href;
    const nameOf = (href) => names[href] ?? "";
    const holds = (item, condition) => condition.split(" ").every((field) =>
      (field.startsWith("!") ? !present(item[field.slice(1)]) : present(item[field])));
    const all = (node, attribute, each) => node.querySelectorAll(`[data-${attribute}]`).forEach(
      (el) => each(el, el.getAttribute(`data-${attribute}`)));
    const fields = (attribute) => Array.from(model.querySelectorAll(`[data-${attribute}]`),
      (el) => el.getAttribute(`data-${attribute}`));
    const every = (node, attribute, test) => Array.from(node.querySelectorAll(`[data-${attribute}]`)).every(
      (el) => test(el, el.getAttribute(`data-${attribute}`)));
    const texts = fields("text");
    const links = [...fields("link"), ...fields("links")];
    return {
      fill(item) {
        const node = model.cloneNode(true);
        all(node, "if", (el, condition) => { el.hidden = !holds(item, condition); });
        all(node, "text", (el, field) => { el.textContent = String(item[field] ?? ""); });
        all(node, "href", (el, field) => { el.href = url(item[field]); });
        all(node, "link", (el, field) => { el.href = url(item[field]); el.textContent = nameOf(item[field]); });
        all(node, "links", (el, field) => {
          const first = el.querySelector("a");
          el.replaceChildren(...item[field].flatMap((href, n) => {
            const a = first.cloneNode(false);
            a.href = url(href);
            a.textContent = nameOf(href);
            return n ? [", ", a] : [a];
          }));
        });
        return node;
      },
      text: (item) => [...texts.map((field) => String(item[field] ?? "")),
        ...links.flatMap((field) => [].concat(item[field]).map(nameOf))].join("\n"),
      shows: (node, item) => every(node, "text", (el, field) => el.textContent === String(item[field] ?? ""))
        && every(node, "href", (el, field) => el.href === url(item[field]))
        && every(node, "link", (el, field) => el.href === url(item[field]))
        && every(node, "links", (el, field) => {
          const hrefs = Array.from(el.querySelectorAll("a"), (a) => a.href);
          return hrefs.length === item[field].length && item[field].every((href, n) => hrefs[n] === url(href));
        }),
    };
  }

  // fn(item), computed once for each item, when first needed.
  function memo(fn) {
    const known = new Map();
    return (item) => {
      if (!known.has(item)) known.set(item, fn(item));
      return known.get(item);
    };
  }

  // The free-text filter, folded as the site search indexes the pages (scripts/search/terms.py):
  // lower case, and also spelt without æ, ø and å in each way that the data's `folds` give, so
  // "fødevarer" is found as "fødevarer", "foedevarer" and "fodevarer", "å" also as "aa" and "a".
  // `index(text)` makes a text searchable once; `matches(indexed, query)`: every word typed occurs.
  function textFilter(folds) {
    const lower = (s) => s.toLocaleLowerCase("da");
    const ways = folds.map((table) => [new RegExp(`[${Object.keys(table).join("")}]`, "g"), table]);
    return {
      index(text) {
        const own = lower(text);
        return [...new Set([own, ...ways.map(([letters, table]) => own.replace(letters, (c) => table[c]))])].join("\n");
      },
      matches: (indexed, query) => lower(query).split(/\s+/).every((word) => indexed.includes(word)),
    };
  }

  // The selection in the URL: {name: value}, empty values removed. A new history entry
  // (push) for deliberate choices, so the back button restores the previous selection.
  function writeUrl(params, push) {
    const url = new URL(location.href);
    for (const [name, value] of Object.entries(params)) {
      if (value) url.searchParams.set(name, value); else url.searchParams.delete(name);
    }
    if (url.href !== location.href) history[push ? "pushState" : "replaceState"](null, "", url);
  }

  // "12 af 74 initiativer passer til dit valg." and how many of them are shown.
  function countText(matched, total, shown, noun) {
    const text = `${number(matched)} af ${number(total)} ${noun} passer til dit valg.`;
    return shown < matched ? `${text} Viser de første ${number(shown)}.` : text;
  }

  // Results a page at a time: `render` makes one element per item, or a promise of one (the
  // search fetches each result's text); the button shows the next page and moves keyboard
  // focus to the first link of the first new result, so keyboard and screen-reader users
  // continue where the new results start. `changed` runs after each change with the number shown.
  // Where the container already shows the first page (`shows(node, item)`, such as the list the
  // page itself has for readers without JavaScript), those nodes stay and only the rest go: the
  // page is neither drawn again nor moved.
  function pager(container, button, size, render, changed, shows) {
    let items = [];
    let shown = 0;
    let generation = 0; // a new list makes pages of the old one that are still loading stale
    let loading = Promise.resolve();
    function more(focus) {
      const rendered = items.slice(shown, shown + size).map(render);
      shown += rendered.length;
      const mine = generation;
      const show = (added) => {
        if (mine !== generation) return;
        container.append(...added);
        counted();
        if (focus && added.length) added[0].querySelector("a").focus();
      };
      if (rendered.some((r) => r instanceof Promise)) {
        // pages in the order asked for; one that cannot be loaded does not stop the next
        loading = loading.then(() => Promise.all(rendered)).then(show).catch((e) => console.error(e));
      } else {
        show(rendered);
      }
    }
    function counted() {
      const rest = items.length - shown;
      button.hidden = rest === 0;
      button.textContent = `Vis ${number(Math.min(size, rest))} flere (${number(rest)} tilbage)`;
      changed(shown);
    }
    button.addEventListener("click", () => more(true));
    return {
      show(list) {
        items = list;
        shown = 0;
        generation += 1;
        const first = list.slice(0, size);
        const own = Array.from(container.children);
        if (shows && first.length && own.length >= first.length && first.every((item, n) => shows(own[n], item))) {
          own.slice(first.length).forEach((node) => node.remove());
          shown = first.length;
          counted();
          return;
        }
        container.replaceChildren();
        more(false);
      },
    };
  }

  window.vaekstaftaler = { number, takeOver, element, filler, memo, textFilter, writeUrl, countText, pager };
})();
