"use strict";
// The comparison report: reads its inline data, draws SVG charts, filters by province.
(function () {
  const DATA = JSON.parse(document.getElementById("baocao-data").textContent);
  const T = DATA.text;
  const COLORS = ["#2b6cb0", "#c05621", "#2f855a", "#b7791f", "#6b46c1", "#c53030", "#319795", "#718096"];
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs, text) {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function fmt(v, unit) {
    if (v === null || v === undefined || Number.isNaN(v)) return "–";
    if (typeof v === "number") return v.toLocaleString("vi-VN", { maximumFractionDigits: 2 }) + (unit || "");
    return String(v);
  }

  function evidenceId(chart, row) { return "ev-" + chart.id + "-" + DATA.reports.findIndex((r) => r.key === row.key); }

  function legend(chart) {
    const box = el("div", { class: "legend" });
    chart.series.forEach((s, i) => {
      const item = el("span", {}, s.label);
      item.style.setProperty("--c", COLORS[i % COLORS.length]);
      box.appendChild(item);
    });
    return box;
  }

  function communeColor(row) { return COLORS[DATA.reports.findIndex((r) => r.key === row.key) % COLORS.length]; }

  function communeLegend(rows) {
    const box = el("div", { class: "legend" });
    rows.forEach((row) => {
      const item = el("span", {}, row.commune);
      item.style.setProperty("--c", communeColor(row));
      box.appendChild(item);
    });
    return box;
  }

  // Horizontal bars, ranked by the first series; one group of bars per commune.
  function bars(chart, rows) {
    // a commune with nothing to show is left out; in a grouped chart, so is one with only zeros
    const shown = (v) => v !== null && (chart.series.length === 1 || v > 0);
    const known = rows.filter((r) => r.values.some(shown));
    known.sort((a, b) => (b.values[0] ?? -1) - (a.values[0] ?? -1));
    const n = chart.series.length, barH = 14, gap = 10, left = 170, width = 500, plot = width - left - 60;
    const top = chart.max || Math.max(1, ...known.flatMap((r) => r.values.filter((v) => v !== null)));
    const height = known.length * (n * barH + gap) + 10;
    const svg = el("svg:svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": chart.title });
    known.forEach((row, i) => {
      const y0 = 5 + i * (n * barH + gap);
      const name = row.commune.length > 24 ? row.commune.slice(0, 23) + "…" : row.commune;
      const tag = el("svg:text", { x: left - 6, y: y0 + (n * barH) / 2 + 4, "text-anchor": "end" }, name);
      tag.appendChild(el("svg:title", {}, row.commune));
      svg.appendChild(tag);
      const link = el("svg:a", { href: "#" + evidenceId(chart, row) });
      row.values.forEach((v, j) => {
        const w = v === null ? 0 : Math.max(1, (v / top) * plot);
        const bar = el("svg:rect", { class: "bar", x: left, y: y0 + j * barH, width: w, height: barH - 2,
                                     fill: COLORS[j % COLORS.length] });
        bar.appendChild(el("svg:title", {}, `${row.commune} – ${chart.series[j].label}: ${fmt(v, chart.unit)}`));
        link.appendChild(bar);
        link.appendChild(el("svg:text", { x: left + w + 4, y: y0 + j * barH + barH - 4 }, fmt(v, chart.unit)));
      });
      svg.appendChild(link);
    });
    return svg;
  }

  // Documents issued per month: one line per commune.
  function timeline(chart, rows) {
    const width = 480, height = 220, left = 40, bottom = 30, plotW = width - left - 20, plotH = height - bottom - 20;
    const top = Math.max(1, ...rows.flatMap((r) => r.values));
    const x = (i) => left + (chart.months.length > 1 ? (i / (chart.months.length - 1)) * plotW : plotW / 2);
    const y = (v) => 10 + plotH - (v / top) * plotH;
    const svg = el("svg:svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": chart.title });
    svg.appendChild(el("svg:line", { x1: left, y1: y(0), x2: left + plotW, y2: y(0), stroke: "#a0aec0" }));
    svg.appendChild(el("svg:text", { x: left - 6, y: y(top) + 4, "text-anchor": "end" }, top));
    chart.months.forEach((m, i) => svg.appendChild(el("svg:text", { x: x(i), y: height - 8, "text-anchor": "middle" }, m)));
    rows.forEach((row) => {
      const color = communeColor(row);
      const points = row.values.map((v, i) => `${x(i)},${y(v)}`).join(" ");
      svg.appendChild(el("svg:polyline", { points, fill: "none", stroke: color, "stroke-width": 2 }));
      const link = el("svg:a", { href: "#" + evidenceId(chart, row) });
      row.values.forEach((v, i) => {
        const dot = el("svg:circle", { class: "point", cx: x(i), cy: y(v), r: 4, fill: color });
        dot.appendChild(el("svg:title", {}, `${row.commune} ${chart.months[i]}: ${v}`));
        link.appendChild(dot);
      });
      svg.appendChild(link);
    });
    return svg;
  }

  function evidenceList(chart, rows) {
    const box = el("div", { class: "evidence" });
    rows.filter((row) => row.evidence.length).forEach((row) => {
      const details = el("details", { id: evidenceId(chart, row) });
      details.appendChild(el("summary", {}, `${T.evidence}: ${row.commune} (${row.evidence.length})`));
      row.evidence.forEach((id) => {
        const ev = DATA.evidence[id];
        const quote = el("blockquote", {}, ev.text);
        const where = ev.page ? `, ${T.page} ${ev.page}` : "";
        quote.appendChild(el("cite", {}, `${T.source}: ${ev.file}${where}, ký tự ${ev.start}–${ev.end}`));
        details.appendChild(quote);
      });
      box.appendChild(details);
    });
    return box;
  }

  function drawChart(chart, rows) {
    const section = el("section", { class: "chart", id: "chart-" + chart.id, "data-kind": chart.kind });
    section.appendChild(el("h2", {}, chart.title));
    if (chart.kind === "bars" && chart.series.length > 1) section.appendChild(legend(chart));
    if (chart.kind === "timeline") section.appendChild(communeLegend(rows));
    const hasData = rows.some((r) => r.values.some((v) => v !== null && (chart.kind !== "timeline" || v > 0)));
    if (!hasData) section.appendChild(el("p", { class: "empty" }, T.no_data));
    else section.appendChild(chart.kind === "timeline" ? timeline(chart, rows) : bars(chart, rows));
    section.appendChild(evidenceList(chart, rows));
    return section;
  }

  function drawTable(reports) {
    const table = document.getElementById("compare");
    table.replaceChildren();
    const head = el("tr");
    head.appendChild(el("th", {}, T.figure));
    reports.forEach((r) => head.appendChild(el("th", { title: r.file }, `${r.commune} (${r.province})`)));
    const thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    const body = el("tbody");
    DATA.table.forEach((line) => {
      const tr = el("tr");
      tr.appendChild(el("td", {}, line.label));
      reports.forEach((r) => tr.appendChild(el("td", {}, fmt(line.values[DATA.reports.indexOf(r)]))));
      body.appendChild(tr);
    });
    table.appendChild(body);
  }

  function draw(province) {
    const keep = (r) => !province || r.province === province;
    drawTable(DATA.reports.filter(keep));
    const box = document.getElementById("charts");
    box.replaceChildren(...DATA.charts.map((c) => drawChart(c, c.rows.filter(keep))));
  }

  function openTarget() {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") { target.open = true; target.classList.add("flash"); }
  }

  document.querySelector("#side-by-side h2").textContent = T.side_by_side;
  document.getElementById("meta").textContent = `${DATA.reports.length} ${T.reports} · ${T.generated} ${DATA.generated}`;
  const select = document.getElementById("province");
  select.appendChild(el("option", { value: "" }, T.all_provinces));
  [...new Set(DATA.reports.map((r) => r.province))].sort().forEach((p) => select.appendChild(el("option", { value: p }, p)));
  select.addEventListener("change", () => draw(select.value));
  window.addEventListener("hashchange", openTarget);
  draw("");
})();
