// The page people reach from "Følg med" (foelg/?feed=feeds/…xml): the feed's address to copy
// into a feed reader, its calendar, and its latest entries in Danish. Browsers show a raw Atom
// file as XML with an English message; this page is what a person sees instead.
(function () {
  "use strict";
  const root = document.querySelector(".vs-follow-page");
  if (!root) return;
  // Only our own feeds: feed.xml or feeds/<parts>.xml (scripts/publish/feeds.py names them).
  const FEED = /^(feed|feeds\/[a-z0-9_+-]+)\.xml$/;
  const siteRoot = new URL(root.dataset.root, location.href);
  // read by hand: URLSearchParams would turn the "+" between a feed's parts into a space
  const raw = /[?&]feed=([^&]*)/.exec(location.search);
  const asked = raw ? decodeURIComponent(raw[1]) : "feed.xml";
  const feed = FEED.test(asked) ? asked : "feed.xml";
  const address = new URL(feed, siteRoot);
  const input = root.querySelector(".vs-feed-address");
  const status = root.querySelector(".vs-feed-status");
  const list = root.querySelector(".vs-feed-entries");
  input.value = address.href;

  const calendar = root.querySelector(".vs-feed-calendar");
  calendar.querySelector("a").href = new URL(feed === "feed.xml" ? "frister.ics" : feed.replace(/\.xml$/, ".ics"), siteRoot).href;
  calendar.hidden = false;

  const copy = root.querySelector(".vs-feed-copy");
  if (navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      await navigator.clipboard.writeText(address.href);
      root.querySelector(".vs-feed-copied").textContent = "Adressen er kopieret.";
    });
  }

  const day = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric" });
  status.textContent = "Henter feeden …";
  fetch(address).then((response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response.text();
  }).then((text) => {
    const xml = new DOMParser().parseFromString(text, "application/xml");
    const ns = "http://www.w3.org/2005/Atom";
    const title = xml.getElementsByTagNameNS(ns, "title")[0];
    const entries = Array.from(xml.getElementsByTagNameNS(ns, "entry"));
    const own = (entry, name) => entry.getElementsByTagNameNS(ns, name)[0];
    list.replaceChildren(...entries.map((entry) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = new URL(own(entry, "link").getAttribute("href"), siteRoot).href;
      a.textContent = own(entry, "title").textContent;
      const when = new Date(own(entry, "updated").textContent);
      const meta = document.createElement("small");
      meta.textContent = ` – ændret ${day.format(when)}`;
      const summary = document.createElement("p");
      summary.textContent = own(entry, "summary").textContent;
      li.append(a, meta, summary);
      return li;
    }));
    status.textContent = `${title ? title.textContent + ": " : ""}${entries.length === 1 ? "1 initiativ" : entries.length + " initiativer"}, senest ændrede først.`;
  }).catch(() => {
    status.textContent = "Feeden kunne ikke hentes. Adressen ovenfor virker stadig i et feedprogram.";
  });
})();
