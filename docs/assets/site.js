// Wide tables scroll sideways inside a wrapper; keyboard users must be able to focus the
// wrapper to scroll it (WCAG 2.1.1), and screen readers get it announced as a region.
(function () {
  "use strict";
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
})();
