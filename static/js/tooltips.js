// Bootstrap tooltips (hover and keyboard focus) for elements marked data-bs-toggle="tooltip".
// Popper places them outside scrolling tables, where a CSS-only tooltip would be clipped.
(function () {
  function enable(root) {
    root.querySelectorAll('[data-bs-toggle="tooltip"]').forEach(function (el) {
      bootstrap.Tooltip.getOrCreateInstance(el);
    });
  }
  enable(document);
  document.body.addEventListener("htmx:afterSwap", function (event) { enable(event.target); });
})();
