// Glossary terms ({% term %}): a tap or keyboard focus opens the explanation in place, since a
// phone has no hover; the link still leads to the glossary page when scripts are off.
(function () {
  function enable(root) {
    root.querySelectorAll('a.term[data-bs-toggle="popover"]').forEach(function (el) {
      bootstrap.Popover.getOrCreateInstance(el);
      el.addEventListener("click", function (event) { event.preventDefault(); el.focus(); });
    });
  }
  enable(document);
  document.body.addEventListener("htmx:afterSwap", function (event) { enable(event.target); });
})();
