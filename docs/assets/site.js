// Small things every page needs: scrolling wide tables by keyboard, and a menu button the
// keyboard can reach.
(function () {
  "use strict";

  // Wide tables scroll sideways inside a wrapper; keyboard users must be able to focus the
  // wrapper to scroll it (WCAG 2.1.1), and screen readers get it announced as a region.
  function label() {
    for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
      if (wrap.hasAttribute("tabindex")) continue;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      const heading = wrap.previousElementSibling;
      wrap.setAttribute("aria-label", heading && /^H[2-4]$/.test(heading.tagName) ? heading.textContent.replace("¶", "").trim() : "Tabel");
    }
  }
  document.addEventListener("DOMContentLoaded", label);
  label();

  // Material's menu is a label for its hidden checkbox #__drawer, out of the keyboard's reach:
  // a button takes its place (overrides/partials/header.html). Opened, the drawer gets keyboard
  // focus; Escape, or focus leaving the drawer, closes it and focus returns to the button.
  // Closed, its links take no focus (assets/site.css hides it).
  function menu() {
    const drawer = document.getElementById("__drawer");
    const button = document.querySelector(".vs-menu");
    const sidebar = document.querySelector(".md-sidebar--primary");
    if (!drawer || !button || !sidebar) return;
    button.previousElementSibling.hidden = true; // Material's label
    button.hidden = false;
    const sync = () => button.setAttribute("aria-expanded", String(drawer.checked));
    const close = () => {
      if (drawer.checked) drawer.click();
    };
    drawer.addEventListener("change", sync);
    button.addEventListener("click", () => {
      drawer.click();
      if (drawer.checked) sidebar.querySelector("a[href]")?.focus();
    });
    document.addEventListener("keydown", (e) => {
      if (e.key !== "Escape" || !drawer.checked) return;
      close();
      button.focus();
    });
    sidebar.addEventListener("focusout", (e) => {
      if (e.relatedTarget && !sidebar.contains(e.relatedTarget) && e.relatedTarget !== button) close();
    });
    sync();
  }
  menu();
})();
