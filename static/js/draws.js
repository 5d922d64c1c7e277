/* Draw charts (Chart.js 4, vendored). Each chart reads the JSON the page embedded with
   json_script; every chart has a table with the same figures for screen readers. */
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;

  const PALETTE = ["#8b1d2c", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#17becf", "#d62728",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173", "#3182bd"];
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  Chart.defaults.animation = reducedMotion ? false : Chart.defaults.animation;
  Chart.defaults.maintainAspectRatio = false;
  // The page's language (html lang "en-CA" or "fr-CA"); Django's JavaScript catalogue
  // (/jsi18n/) defines gettext and interpolate, kept as no-ops if it failed to load.
  const LANG = document.documentElement.lang || "en-CA";
  const gettext = window.gettext || function (text) { return text; };
  const interpolate = window.interpolate || function (format, values) {
    return format.replace(/%\((\w+)\)s/g, function (all, name) { return values[name]; });
  };
  const FRENCH_DAY = new Intl.DateTimeFormat(LANG, {
    day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  });
  // Numbers in the tooltips grouped as the page's language groups them ("3 000" in French).
  Chart.defaults.locale = LANG;

  function data(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  // English pages write ISO dates (2026-08-05), French ones "5 août 2026", as the tables do.
  function isoDay(ms) {
    if (LANG.startsWith("fr")) return FRENCH_DAY.format(new Date(ms));
    return new Date(ms).toISOString().slice(0, 10);
  }

  // One tick per 1 January: a linear axis in milliseconds needs no date adapter.
  function yearTicks(axis) {
    const ticks = [];
    for (let year = new Date(axis.min).getUTCFullYear(); ; year++) {
      const value = Date.UTC(year, 0, 1);
      if (value > axis.max) break;
      if (value >= axis.min) ticks.push({ value: value });
    }
    axis.ticks = ticks;
  }

  const cutoff = data("cutoff-data");
  if (cutoff) {
    new Chart(document.getElementById("cutoff-chart"), {
      type: "line",
      data: {
        datasets: cutoff.map(function (family, i) {
          return {
            label: family.label,
            data: family.points.map(function (p) {
              return { x: Date.parse(p.date), y: p.crs, round: p.round };
            }),
            borderColor: PALETTE[i % PALETTE.length],
            backgroundColor: PALETTE[i % PALETTE.length],
            borderWidth: 1.5,
            pointRadius: 2,
          };
        }),
      },
      options: {
        interaction: { mode: "nearest", intersect: false },
        scales: {
          x: {
            type: "linear",
            afterBuildTicks: yearTicks,
            ticks: { callback: function (value) { return new Date(value).getUTCFullYear(); } },
          },
          y: { title: { display: true, text: gettext("Minimum CRS") } },
        },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 12 } },
          tooltip: {
            callbacks: {
              title: function (items) {
                const point = items[0].raw;
                return interpolate(gettext("Round %(round)s, %(day)s"),
                  { round: point.round, day: isoDay(point.x) }, true);
              },
              label: function (item) { return item.dataset.label + ": " + item.raw.y; },
            },
          },
        },
      },
    });
  }

  const months = data("invitations-data");
  if (months) {
    new Chart(document.getElementById("invitations-chart"), {
      type: "bar",
      data: {
        labels: months.map(function (m) { return m.month; }),
        datasets: [{
          label: gettext("Invitations"),
          data: months.map(function (m) { return m.invitations; }),
          backgroundColor: PALETTE[0],
        }],
      },
      options: {
        scales: { x: { ticks: { autoSkip: true, maxRotation: 0 } } },
        plugins: { legend: { display: false } },
      },
    });
  }

  const pool = data("pool-data");
  if (pool) {
    new Chart(document.getElementById("pool-chart"), {
      type: "bar",
      data: {
        labels: pool.map(function (b) { return b.band; }),
        datasets: [{
          label: gettext("Candidates"),
          data: pool.map(function (b) { return b.candidates; }),
          backgroundColor: PALETTE[1],
        }],
      },
      options: {
        scales: { x: { title: { display: true, text: gettext("CRS band") } } },
        plugins: { legend: { display: false } },
      },
    });
  }
})();
