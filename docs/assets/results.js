// What the finder and the commitments tracker share: loading a tool's JSON (written at build
// time by scripts/tool_data.py), building elements from data as text only, keeping the
// selection in the URL, and showing long result lists a page at a time.
(function () {
  "use strict";

  const number = (n) => n.toLocaleString("da-DK");

  // Fold case and æ/ø/å so "fodevarer" finds "fødevarer".
  const fold = (s) => s.toLocaleLowerCase("da").replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");

  // The tool's data: the file named in the root element's data-json, relative to the page.
  async function load(root) {
    const response = await fetch(new URL(root.dataset.json, location.href));
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    return response.json();
  }

  // Take over from the list in the page: hide its note for readers without JavaScript, and
  // the list itself while a selection from the URL waits to be applied, then start(data). If
  // the data cannot be loaded, the page stays as it is without JavaScript.
  function takeOver(root, list, start) {
    const note = root.querySelector(".vs-static-note");
    note.hidden = true;
    list.hidden = location.search.length > 1;
    load(root).then((data) => {
      list.hidden = false;
      start(data);
    }, () => {
      note.hidden = false;
      list.hidden = false;
    });
  }

  // An element with text (never parsed as HTML).
  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // Links to pages given relative to the site root; `names` holds their link texts.
  function linker(siteRoot, names) {
    const link = (href, text) => {
      const a = element("a", text === undefined ? names[href] : text);
      a.href = new URL(href, siteRoot).href;
      return a;
    };
    // Links separated by commas, appended to `parent`.
    const links = (parent, hrefs) => {
      hrefs.forEach((href, n) => parent.append(...(n ? [", "] : []), link(href)));
      return parent;
    };
    return { link, links, url: (href) => new URL(href, siteRoot).href };
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

  // Results a page at a time: `render` makes one element per item; the button shows the
  // next page and moves keyboard focus to the first link of the first new result, so keyboard
  // and screen-reader users continue where the new results start. `changed` runs after each
  // change with the number shown.
  function pager(container, button, size, render, changed) {
    let items = [];
    let shown = 0;
    function more(focus) {
      const added = items.slice(shown, shown + size).map(render);
      container.append(...added);
      shown += added.length;
      const rest = items.length - shown;
      button.hidden = rest === 0;
      button.textContent = `Vis ${number(Math.min(size, rest))} flere (${number(rest)} tilbage)`;
      changed(shown);
      if (focus && added.length) added[0].querySelector("a").focus();
    }
    button.addEventListener("click", () => more(true));
    return {
      show(list) {
        items = list;
        shown = 0;
        container.replaceChildren();
        more(false);
      },
    };
  }

  window.vaekstaftaler = { number, fold, takeOver, element, linker, writeUrl, countText, pager };
})();
