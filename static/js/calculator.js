/* CRS calculator, progressive enhancement only: the form works without this file.
   1. Groups marked data-shown-by="<select id>" (and optionally data-shown-when="<value>") are
      hidden until that select has a (matching) value. Hidden inputs are disabled so they are not
      posted: a half-filled partner section must not block the score of a single applicant.
   2. htmx swaps only the results; the inputs stay as typed. After each swap the field errors the
      server sent (#calculator-errors) are shown next to their inputs, and stale ones removed.
   3. Likewise the partner's answers scored as none because they are not given yet
      (#calculator-not-given) get a note under their input, so the half-filled section says
      what is missing instead of hiding the score. */
(function () {
  "use strict";
  const form = document.getElementById("calculator-form");
  if (!form) return;

  function toggleGroups() {
    form.querySelectorAll("[data-shown-by]").forEach(function (group) {
      const select = document.getElementById(group.dataset.shownBy);
      const wanted = group.dataset.shownWhen;
      const shown = !select.disabled && (wanted ? select.value === wanted : select.value !== "");
      group.hidden = !shown;
      // Document order: an outer group runs first, so a nested group (the partner's language)
      // then sees its select already disabled or enabled and corrects its own inputs.
      group.querySelectorAll("input, select").forEach(function (input) {
        input.disabled = !shown;
      });
    });
  }

  function describedBy(input, errorId, add) {
    const ids = (input.getAttribute("aria-describedby") || "").split(/\s+/)
      .filter(function (id) { return id && id !== errorId; });
    if (add) ids.push(errorId);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  function showErrors() {
    const source = document.getElementById("calculator-errors");
    const errors = source ? JSON.parse(source.textContent) : {};
    form.querySelectorAll("input[id], select[id]").forEach(function (input) {
      const errorId = input.id + "_error";
      const old = document.getElementById(errorId);
      if (old) old.remove();
      const messages = errors[input.id];
      input.classList.toggle("is-invalid", Boolean(messages));
      if (messages) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      describedBy(input, errorId, Boolean(messages));
      if (!messages) return;
      const box = document.createElement("div");
      box.id = errorId;
      box.className = "w-100";
      messages.forEach(function (message) {
        const line = document.createElement("div");
        line.className = "invalid-feedback d-block";
        line.textContent = message;
        box.appendChild(line);
      });
      // Where django-bootstrap5 puts it: after the input, or after a checkbox's label.
      (input.type === "checkbox" ? input.nextElementSibling : input).after(box);
    });
  }

  function showNotGiven() {
    const source = document.getElementById("calculator-not-given");
    const notGiven = source ? JSON.parse(source.textContent) : [];
    form.querySelectorAll(".calculator-not-given").forEach(function (note) {
      const input = document.getElementById(note.dataset.for);
      if (input) describedBy(input, note.id, false);
      note.remove();
    });
    notGiven.forEach(function (entry) {
      const input = document.getElementById(entry[0]);
      if (!input) return;
      const note = document.createElement("div");
      note.id = input.id + "_not_given";
      note.dataset.for = input.id;
      note.className = "form-text text-warning-emphasis calculator-not-given";
      note.textContent = interpolate(gettext("Not given yet: %s."), [entry[2]]);
      input.after(note);
      describedBy(input, note.id, true);
    });
  }

  // Capture phase: runs before htmx's own listener collects the values to post.
  form.addEventListener("input", toggleGroups, true);
  form.addEventListener("change", toggleGroups, true);
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id !== "results") return;
    showErrors();
    showNotGiven();
  });
  toggleGroups();
})();
