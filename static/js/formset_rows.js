// Add-another rows on the one-page intake. Each section holds its formset's empty row in a
// <template>; a click copies it, numbered by the formset's TOTAL_FORMS, which then goes up by
// one, so the server reads every row added. No page load: a client with seven facts is one
// page and one save.
'use strict';
document.addEventListener('click', function(event) {
    const button = event.target.closest('[data-add-row]');
    if (!button) {
        return;
    }
    const section = button.closest('[data-formset]');
    const prefix = section.dataset.formset;
    const total = section.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
    const max = Number(section.querySelector(`input[name="${prefix}-MAX_NUM_FORMS"]`).value);
    const index = Number(total.value);
    if (index >= max) {
        button.disabled = true;
        return;
    }
    const html = section.querySelector('template[data-empty-row]').innerHTML;
    const rows = section.querySelector('[data-rows]');
    rows.insertAdjacentHTML('beforeend', html.replaceAll('__prefix__', String(index)));
    total.value = String(index + 1);
    const row = rows.lastElementChild;
    const first = row.querySelector('input:not([type="hidden"]), select, textarea');
    if (first) {
        first.focus();
    }
});
