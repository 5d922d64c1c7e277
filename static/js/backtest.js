/* "How I would have fared" chart (Chart.js 4, vendored): the cut-offs of the rounds the client
   could take part in, one colour per round type, filled where they would have been invited,
   and the client's score on each draw date as a line. Reads the JSON that
   draws/includes/backtest.html embedded with json_script; the table under the chart has the
   same figures for screen readers. */
(function () {
  "use strict";
  const element = document.getElementById("backtest-data");
  if (typeof Chart === "undefined" || !element) return;
  const data = JSON.parse(element.textContent);

  const PALETTE = ["#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#17becf", "#d62728",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];
  const SCORE = "#8b1d2c";
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
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

  // English pages write ISO dates (2026-08-05), French ones "5 août 2026", as the tables do.
  function isoDay(ms) {
    if (LANG.startsWith("fr")) return FRENCH_DAY.format(new Date(ms));
    return new Date(ms).toISOString().slice(0, 10);
  }

  // One tick per month (every third past two years): a linear axis in milliseconds needs no
  // date adapter.
  function monthTicks(axis) {
    const first = new Date(axis.min);
    const months = (axis.max - axis.min) / (30.44 * 86400000);
    const step = months > 24 ? 3 : 1;
    const ticks = [];
    for (let i = 0; ; i += step) {
      const value = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1 + i, 1);
      if (value > axis.max) break;
      ticks.push({ value: value });
    }
    axis.ticks = ticks;
  }

  const datasets = data.kinds.map(function (kind, i) {
    const colour = PALETTE[i % PALETTE.length];
    return {
      type: "scatter",
      label: interpolate(gettext("Cut-off: %(kind)s"), { kind: kind.label }, true),
      data: kind.points.map(function (p) {
        return { x: Date.parse(p.date), y: p.cutoff, round: p.round, invited: p.invited };
      }),
      borderColor: colour,
      // Filled: would have been invited; hollow: not. The tooltip says it in words too.
      backgroundColor: kind.points.map(function (p) { return p.invited ? colour : "#ffffff"; }),
      pointRadius: 4,
      pointBorderWidth: 1.5,
    };
  });
  datasets.push({
    type: "line",
    label: gettext("Score on the draw date"),
    data: data.score.map(function (p) { return { x: Date.parse(p.date), y: p.crs }; }),
    borderColor: SCORE,
    backgroundColor: SCORE,
    borderWidth: 2,
    pointRadius: 0,
    stepped: "before",
  });

  new Chart(document.getElementById("backtest-chart"), {
    data: { datasets: datasets },
    options: {
      animation: reducedMotion ? false : undefined,
      locale: LANG,
      maintainAspectRatio: false,
      interaction: { mode: "nearest", intersect: false },
      scales: {
        x: {
          type: "linear",
          afterBuildTicks: monthTicks,
          ticks: { callback: function (value) { return isoDay(value).slice(0, 7); } },
        },
        y: { title: { display: true, text: gettext("CRS") } },
      },
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            title: function (items) {
              const point = items[0].raw;
              if (!point.round) return isoDay(point.x);
              return interpolate(gettext("Round %(round)s, %(day)s"),
                { round: point.round, day: isoDay(point.x) }, true);
            },
            label: function (item) {
              const point = item.raw;
              if (point.round === undefined) {
                return interpolate(gettext("Score: %(score)s"), { score: point.y }, true);
              }
              const format = point.invited
                ? gettext("%(label)s %(cutoff)s (would have been invited)")
                : gettext("%(label)s %(cutoff)s (not invited)");
              return interpolate(format, { label: item.dataset.label, cutoff: point.y }, true);
            },
          },
        },
      },
    },
  });
})();
