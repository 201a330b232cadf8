// The style sheet and the script of the HTML report, inlined into every page: the report opens
// from disk with no network and loads nothing.
#pragma once

#include <string_view>

namespace translint::report {

inline constexpr std::string_view html_style = R"CSS(
:root {
  --paper: #f4f1ea; --sheet: #fffefb; --ink: #1c1a17; --ink-2: #47433c; --ink-3: #767066;
  --hair: #e4dfd3; --hair-2: #d5cfc1;
  --error: #b3261e; --error-mark: rgba(214, 52, 36, .12); --error-strong: rgba(214, 52, 36, .26);
  --warning: #8c5800; --warning-line: #c98400; --warning-mark: rgba(236, 168, 0, .19);
  --warning-strong: rgba(236, 168, 0, .38);
  --info: #1f5c9c; --info-mark: rgba(44, 112, 190, .11); --info-strong: rgba(44, 112, 190, .25);
  --good: #2f6b3b;
  --serif: Charter, "Bitstream Charter", "Iowan Old Style", "Sitka Text", "Palatino Linotype",
    Palatino, P052, "URW Palladio L", "Book Antiqua", Georgia, "Noto Serif", "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans",
    "Liberation Sans", Arial, sans-serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
}
* { box-sizing: border-box; }
html { color-scheme: light; -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 var(--sans); }
.page { display: flex; flex-direction: column; min-height: 100vh; }
.masthead { order: 1; } .summary { order: 2; } .toolbar { order: 3; } .files { order: 4; }
.rules { order: 5; } .colophon { order: 6; }
.wrap { width: min(78rem, 100% - 2.5rem); margin-inline: auto; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
a { color: inherit; }
:focus-visible { outline: 2px solid var(--ink); outline-offset: 2px; }
.icon { display: inline-block; margin-right: .3em; font-style: normal; font-size: .85em; }
.s-error { --sev: var(--error); --sev-line: var(--error); --sev-mark: var(--error-mark);
  --sev-strong: var(--error-strong); }
.s-warning { --sev: var(--warning); --sev-line: var(--warning-line);
  --sev-mark: var(--warning-mark); --sev-strong: var(--warning-strong); }
.s-info { --sev: var(--info); --sev-line: var(--info); --sev-mark: var(--info-mark);
  --sev-strong: var(--info-strong); }

/* Masthead and summary */
.masthead { padding: 2.25rem 0 0; }
.masthead .wrap { display: flex; align-items: baseline; justify-content: space-between;
  gap: 1rem; flex-wrap: wrap; border-bottom: 3px double var(--ink); padding-bottom: .6rem; }
.masthead h1 { margin: 0; font: 700 2.1rem/1.1 var(--serif); letter-spacing: -.01em; }
.masthead .kicker { display: block; font: 600 .7rem/1 var(--sans); letter-spacing: .14em;
  text-transform: uppercase; color: var(--error); margin-bottom: .45rem; }
.masthead .version { margin: 0; font-size: .8rem; color: var(--ink-3); }
.summary { padding: 1.4rem 0 1.6rem; }
.summary .wrap { display: grid; grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr);
  gap: .5rem 3.5rem; align-items: start; }
.lede { grid-column: 1 / -1; margin: 0 0 .9rem; font: 400 1.45rem/1.35 var(--serif);
  max-width: 44rem; }
.lede .ok { color: var(--good); }
.lede .quiet { display: block; font-size: 1rem; color: var(--ink-3); margin-top: .25rem; }
.stats { display: flex; flex-wrap: wrap; gap: 0; margin: 0; }
.stat { padding: .1rem 1.6rem .2rem 0; margin-right: 1.6rem; border-right: 1px solid var(--hair-2); }
.stat:last-child { border-right: 0; }
.stat dt { font: 600 .7rem/1.2 var(--sans); letter-spacing: .1em; text-transform: uppercase;
  color: var(--ink-3); }
.stat dd { margin: .15rem 0 0; font: 400 2.5rem/1 var(--serif); font-variant-numeric: lining-nums; }
.stat.s-error dt, .stat.s-warning dt, .stat.s-info dt { color: var(--sev); }
.stat.zero dd, .stat.zero dt { color: var(--ink-3) !important; }
.legend { grid-column: 1; margin: 1.1rem 0 0; font-size: .82rem; color: var(--ink-2);
  display: flex; flex-wrap: wrap; gap: .35rem 1.2rem; }
.legend mark.tl { cursor: default; }
.breakdown { grid-row: 2 / span 2; grid-column: 2; }
.breakdown h2, .files-table caption { font: 600 .7rem/1.2 var(--sans); letter-spacing: .1em;
  text-transform: uppercase; color: var(--ink-3); text-align: left; margin: 0 0 .4rem; }
.categories { width: 100%; border-collapse: collapse; font-size: .88rem; }
.categories th { text-align: left; font-weight: 400; padding: .2rem .8rem .2rem 0; white-space: nowrap; }
.categories td.count { text-align: right; font-variant-numeric: tabular-nums; padding-right: .8rem;
  width: 2.5rem; }
.categories td.bar { width: 55%; }
.categories td.bar span { display: block; height: .45rem; border-radius: 1px; background: var(--ink-2);
  opacity: .55; min-width: 2px; }
.files-table { grid-column: 1 / -1; margin-top: 1.4rem; border-collapse: collapse; font-size: .88rem;
  width: 100%; }
.files-table th, .files-table td { padding: .35rem .9rem .35rem 0; border-bottom: 1px solid var(--hair);
  text-align: left; }
.files-table thead th { font-weight: 600; font-size: .75rem; color: var(--ink-3);
  border-bottom-color: var(--hair-2); }
.files-table td.n, .files-table th.n { text-align: right; font-variant-numeric: tabular-nums; width: 6rem; }
.files-table td.n.zero { color: var(--ink-3); }
.files-table a { text-decoration: none; font-family: var(--mono); font-size: .82rem; }
.files-table a:hover { text-decoration: underline; }

/* Toolbar: filters and navigation */
.toolbar { position: sticky; top: 0; z-index: 20; background: rgba(255, 254, 251, .96);
  border-top: 1px solid var(--hair-2); border-bottom: 1px solid var(--hair-2);
  box-shadow: 0 1px 6px rgba(40, 30, 10, .06); }
.toolbar .wrap { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center;
  gap: .5rem 1.5rem; padding: .55rem 0; }
.filters { display: flex; align-items: center; gap: .45rem 1.4rem; flex-wrap: wrap; }
.filter-group { border: 0; margin: 0; padding: 0; display: flex; align-items: center;
  flex-wrap: wrap; gap: .35rem; }
.filter-group legend { float: left; font: 600 .68rem/1 var(--sans); letter-spacing: .1em;
  text-transform: uppercase; color: var(--ink-3); margin-right: .35rem; }
.chip { display: inline-flex; align-items: center; gap: .3rem; border: 1px solid var(--hair-2);
  border-radius: 999px; padding: .2rem .65rem .2rem .45rem; font-size: .8rem; background: #fff;
  cursor: pointer; user-select: none; }
.chip input { margin: 0; accent-color: var(--ink); width: .85rem; height: .85rem; }
.chip .n { color: var(--ink-3); font-variant-numeric: tabular-nums; }
.chip.s-error .icon, .chip.s-warning .icon, .chip.s-info .icon { color: var(--sev); }
.chip:has(input:not(:checked)) { background: transparent; color: var(--ink-3);
  border-style: dashed; }
.chip:has(input:focus-visible) { outline: 2px solid var(--ink); outline-offset: 2px; }
.nav { display: flex; align-items: center; gap: .4rem; }
.nav .position { font-size: .8rem; color: var(--ink-3); margin-right: .35rem;
  font-variant-numeric: tabular-nums; }
.nav button { font: 500 .8rem/1 var(--sans); color: var(--ink); background: #fff;
  border: 1px solid var(--hair-2); border-radius: 6px; padding: .4rem .65rem; cursor: pointer; }
.nav button:hover { background: var(--paper); }
kbd { font: 500 .72rem/1 var(--mono); border: 1px solid var(--hair-2); border-bottom-width: 2px;
  border-radius: 4px; padding: .12rem .32rem; background: #fff; color: var(--ink-2); }

/* Files */
.files { padding: 1.75rem 0 1rem; }
.file { background: var(--sheet); border: 1px solid var(--hair); border-radius: 4px;
  box-shadow: 0 1px 2px rgba(40, 30, 10, .05), 0 6px 24px rgba(40, 30, 10, .05);
  padding: 2.2rem 2.75rem 2.5rem; margin-bottom: 2rem; }
.file-head { border-bottom: 1px solid var(--hair); padding-bottom: 1rem; margin-bottom: 1.8rem;
  display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: .5rem 2rem; }
.file-kicker { margin: 0 0 .3rem; font: 600 .7rem/1 var(--sans); letter-spacing: .1em;
  text-transform: uppercase; color: var(--ink-3); }
.file-head h2 { margin: 0; font: 600 1.05rem/1.3 var(--mono); word-break: break-all; }
.file-counts { margin: 0; font-size: .85rem; color: var(--ink-2); display: flex; gap: .9rem;
  flex-wrap: wrap; }
.file-counts .s-error, .file-counts .s-warning, .file-counts .s-info { color: var(--sev); font-weight: 600; }
.file-counts .clean { color: var(--good); font-weight: 600; }
.file-body { display: grid; grid-template-columns: minmax(0, 40rem) minmax(17rem, 1fr); gap: 3.5rem;
  align-items: start; }
.file.is-clean .file-body { grid-template-columns: minmax(0, 40rem); }
.text { font: 400 1.1875rem/1.72 var(--serif); color: #23201c; white-space: pre-wrap;
  overflow-wrap: break-word; tab-size: 4; font-variant-ligatures: common-ligatures;
  font-kerning: normal; }
.empty-note { font: italic 1rem var(--serif); color: var(--ink-3); margin: 0; }
.all-clear { display: flex; gap: .7rem; align-items: center; margin: 0 0 1.6rem; padding: .9rem 1.1rem;
  border: 1px solid #cfe2d2; background: #f1f8f2; border-radius: 4px; color: #23412a; max-width: 40rem; }
.all-clear .check { font-size: 1.2rem; line-height: 1.2; color: var(--good); }
.all-clear strong { display: block; font-size: .95rem; }

/* Highlights in the text */
mark.tl { color: inherit; background: var(--sev-mark); border-bottom: 2px solid var(--sev-line);
  border-radius: 2px 2px 0 0; padding: 0 1px; cursor: pointer;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.tl.s-warning { border-bottom-style: dashed; }
mark.tl.s-info { border-bottom-style: dotted; }
mark.tl:has(mark.tl) { padding-bottom: 3px; }
mark.tl.current { background: var(--sev-strong); }
mark.tl:focus { outline: 2px solid var(--ink); outline-offset: 2px; }
mark.tl.zero { display: inline-block; position: relative; width: 0; height: 1.05em; padding: 0;
  margin: 0 .14em; vertical-align: -.18em; background: none; border: 0;
  border-left: 2px solid var(--sev-line); border-radius: 0; }
mark.tl.zero::after { content: ""; position: absolute; left: -6px; bottom: -5px;
  border-left: 5px solid transparent; border-right: 5px solid transparent;
  border-bottom: 6px solid var(--sev-line); }
sup.ref { font: 600 .58em/0 var(--sans); color: var(--sev); margin-left: 1px; cursor: pointer;
  user-select: none; }
sup.ref::after { content: attr(data-n); }

/* Notes beside the text */
.notes h3 { margin: 0 0 .25rem; padding-bottom: .45rem; border-bottom: 2px solid var(--ink);
  font: 600 .72rem/1.2 var(--sans); letter-spacing: .1em; text-transform: uppercase; color: var(--ink-2); }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { display: grid; grid-template-columns: 1.7rem minmax(0, 1fr); gap: 0 .7rem;
  padding: .8rem .5rem .85rem .25rem; border-bottom: 1px solid var(--hair); break-inside: avoid; }
li.finding.current { background: #f7f3e8; box-shadow: inset 3px 0 0 var(--sev-line); }
a.num { display: inline-block; width: 1.55rem; height: 1.55rem; margin-top: .1rem; border-radius: 50%;
  background: var(--sev); color: #fff; font: 700 .72rem/1.55rem var(--sans); text-align: center;
  text-decoration: none; font-variant-numeric: tabular-nums; }
li.s-warning a.num { border-radius: 4px; }
li.s-info a.num { border-radius: 4px 50% 50% 4px; }
.note p { margin: 0; }
.fix { font: 400 1.02rem/1.4 var(--serif); }
.fix a { text-decoration: none; }
.fix del { text-decoration: line-through; text-decoration-color: var(--sev-line);
  text-decoration-thickness: 1.5px; color: var(--ink-2); }
.fix .arrow { color: var(--ink-3); margin: 0 .3rem; font-family: var(--sans); }
.fix ins { text-decoration: none; font-weight: 700; color: #1f4d2a; background: #e7f3e9;
  border-radius: 2px; padding: 0 .2rem; }
.fix q.flagged { quotes: "\201C" "\201D"; color: var(--ink-2); }
.fix .what { font: 600 .8rem var(--sans); color: var(--ink-2); margin-right: .3rem; }
.alts { font-size: .8rem; color: var(--ink-3); margin-top: .15rem !important; }
.alts ins { text-decoration: none; font-family: var(--serif); font-size: .95rem; color: var(--ink-2); }
.msg { font-size: .86rem; line-height: 1.45; color: var(--ink-2); margin-top: .3rem !important; }
.tags { margin-top: .4rem !important; font-size: .74rem; color: var(--ink-3); display: flex;
  flex-wrap: wrap; gap: .15rem .75rem; align-items: baseline; }
.tags .sev { color: var(--sev); font-weight: 600; }
.tags code, .rules code { font: .72rem var(--mono); color: var(--ink-2); }
.tags a { text-decoration: none; }
.tags a:hover code { text-decoration: underline; }

/* Explanation shown beside the current finding */
.popover { position: absolute; z-index: 30; top: 0; left: 0; width: min(25rem, calc(100vw - 1.5rem));
  background: var(--sheet); border: 1px solid var(--hair-2); border-top: 3px solid var(--sev);
  border-radius: 5px; padding: .8rem 1rem .85rem;
  box-shadow: 0 12px 32px rgba(30, 22, 8, .16), 0 2px 6px rgba(30, 22, 8, .08); }
.popover[hidden], .help[hidden] { display: none; }
.popover .pop-head { display: flex; justify-content: space-between; gap: 1rem; font: 600 .7rem/1.2 var(--sans);
  letter-spacing: .08em; text-transform: uppercase; color: var(--sev); margin: 0 0 .45rem; }
.popover .pop-head .count { color: var(--ink-3); letter-spacing: .04em; }
.popover .tags .sev, .popover .tags .cat { display: none; }
.popover .about { margin: .6rem 0 0; padding-top: .45rem; border-top: 1px solid var(--hair);
  font-size: .8rem; color: var(--ink-2); }
.popover .about summary { cursor: pointer; color: var(--ink-3); font-size: .76rem; }
.popover .about p { margin: .35rem 0 0; line-height: 1.45; }
.popover .hint { margin: .55rem 0 0; font-size: .72rem; color: var(--ink-3); }
.help { position: fixed; z-index: 40; right: 1.25rem; bottom: 1.25rem; width: min(21rem, calc(100vw - 2.5rem));
  background: var(--sheet); border: 1px solid var(--hair-2); border-radius: 6px; padding: 1rem 1.2rem;
  box-shadow: 0 12px 32px rgba(30, 22, 8, .18); }
.help h2 { margin: 0 0 .6rem; font: 700 1.05rem var(--serif); }
.help dl { display: grid; grid-template-columns: auto 1fr; gap: .45rem .9rem; margin: 0 0 .9rem;
  font-size: .85rem; }
.help dd { margin: 0; color: var(--ink-2); }
.help button { font: 500 .8rem var(--sans); border: 1px solid var(--hair-2); background: #fff;
  border-radius: 6px; padding: .35rem .7rem; cursor: pointer; }

/* Rules and colophon */
.rules { padding: .5rem 0 1rem; }
.rules h2 { font: 700 1.3rem var(--serif); margin: 0 0 .8rem; }
.rules dl { margin: 0; columns: 2 26rem; column-gap: 3rem; }
.rules .rule { break-inside: avoid; margin: 0 0 1rem; }
.rules dt { font-size: .85rem; }
.rules dt .cat { color: var(--ink-3); margin-left: .5rem; font-size: .78rem; }
.rules dd { margin: .2rem 0 0; font-size: .85rem; color: var(--ink-2); line-height: 1.5; }
.colophon { padding: 1rem 0 2.5rem; font-size: .78rem; color: var(--ink-3); }
.colophon .wrap { border-top: 1px solid var(--hair-2); padding-top: .8rem; }

@media (max-width: 980px) {
  .summary .wrap { grid-template-columns: minmax(0, 1fr); }
  .breakdown { grid-row: auto; grid-column: 1; margin-top: 1rem; }
  .file { padding: 1.5rem 1.25rem 1.75rem; }
  .file-body { grid-template-columns: minmax(0, 1fr); gap: 2rem; }
  .toolbar .wrap { grid-template-columns: minmax(0, 1fr); }
}
@media (max-width: 640px) {
  .wrap { width: calc(100% - 1.5rem); }
  .masthead h1 { font-size: 1.7rem; }
  .lede { font-size: 1.2rem; }
  .stat { padding-right: .9rem; margin-right: .9rem; }
  .stat dd { font-size: 2rem; }
  .files-table { display: block; overflow-x: auto; }
  .toolbar { position: static; }
  .file { padding: 1.2rem 1rem 1.5rem; }
  .text { font-size: 1.125rem; }
}

/* Filters: a hidden severity or category keeps the words and drops their emphasis */
@@FILTERS@@

@media print {
  @page { margin: 16mm 15mm 18mm; }
  html, body { background: #fff; }
  body { font-size: 10pt; }
  .toolbar, .popover, .help, .nav { display: none !important; }
  .wrap { width: auto; }
  .masthead { padding-top: 0; }
  .summary { padding-bottom: .8rem; break-inside: avoid; }
  .file { border: 0; box-shadow: none; padding: 0; margin: 0 0 1.5rem; background: none; }
  .file + .file { break-before: page; }
  .file-head { break-after: avoid; }
  .file-body { display: block; }
  .text { font-size: 12pt; line-height: 1.55; }
  .notes { margin-top: 1.4rem; break-before: auto; }
  .notes h3 { break-after: avoid; }
  ol.findings { columns: 2; column-gap: 8mm; }
  li.finding { break-inside: avoid; page-break-inside: avoid; }
  mark.tl, sup.ref, a.num, .fix ins, .categories td.bar span {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  mark.tl { border-bottom-width: 1.5pt; }
  mark.tl:focus { outline: 0; }
  li.finding.current { background: none; box-shadow: none; }
  a { text-decoration: none; }
  .rules dl { columns: 1; }
}
)CSS";

inline constexpr std::string_view html_script = R"JS(
(function () {
  'use strict';
  var doc = document, root = doc.documentElement;
  var files = doc.getElementById('files');
  // The summary and the filters are written after the files, as the report streams; put them
  // first in the document too, so that reading and tab order follow what the eye sees.
  ['summary', 'toolbar'].forEach(function (id) {
    var el = doc.getElementById(id);
    if (el && files) files.parentNode.insertBefore(el, files);
  });

  var marks = Array.prototype.slice.call(doc.querySelectorAll('mark.tl[id]'));
  var indexOf = new Map();
  marks.forEach(function (m, i) { indexOf.set(m.id, i); });
  var hidden = new Set();
  var current = -1;
  var pop = doc.getElementById('popover');
  var help = doc.getElementById('help');
  var position = doc.getElementById('position');

  function shown(m) {
    for (var i = 0; i < m.classList.length; ++i) if (hidden.has(m.classList[i])) return false;
    return true;
  }
  function visibleCount() {
    var n = 0;
    for (var i = 0; i < marks.length; ++i) if (shown(marks[i])) ++n;
    return n;
  }
  function pieces(id) { return doc.querySelectorAll('mark.tl[data-finding="' + id + '"]'); }
  function noteOf(id) { return doc.querySelector('li.finding[data-note-for="' + id + '"]'); }
  function updatePosition() {
    if (!position) return;
    var total = visibleCount();
    if (current >= 0 && shown(marks[current])) {
      var n = 0;
      for (var i = 0; i <= current; ++i) if (shown(marks[i])) ++n;
      position.textContent = n + ' of ' + total;
    } else {
      position.textContent = total + (total === 1 ? ' finding' : ' findings');
    }
  }
  function clearCurrent() {
    doc.querySelectorAll('.current').forEach(function (e) { e.classList.remove('current'); });
  }
  function close() {
    if (pop) pop.hidden = true;
    clearCurrent();
  }
  function place(m) {
    var all = pieces(m.id), last = all[all.length - 1] || m;
    var lastRects = last.getClientRects(), firstRects = m.getClientRects();
    var end = lastRects.length ? lastRects[lastRects.length - 1] : last.getBoundingClientRect();
    var start = firstRects.length ? firstRects[0] : end;
    var width = pop.offsetWidth, height = pop.offsetHeight, viewport = root.clientWidth;
    var left = Math.max(12, Math.min(start.left - 16, viewport - width - 12));
    var top = end.bottom + 10;
    // Above the finding only when it is on screen and there is no room below it.
    if (end.bottom < window.innerHeight && top + height > window.innerHeight - 8 &&
        start.top - height - 10 > 8)
      top = start.top - height - 10;
    pop.style.left = Math.round(left + window.scrollX) + 'px';
    pop.style.top = Math.round(top + window.scrollY) + 'px';
  }
  function explain(m) {
    if (!pop) return;
    var body = doc.getElementById(m.getAttribute('aria-describedby'));
    var sev = m.getAttribute('data-severity');
    pop.className = 'popover s-' + sev;
    pop.replaceChildren();
    var head = doc.createElement('p');
    head.className = 'pop-head';
    var label = doc.createElement('span');
    var tag = body && body.querySelector('.sev');
    var category = body && body.querySelector('.cat');
    if (tag) label.append(tag.cloneNode(true)); else label.textContent = sev;
    if (category) label.append(' \u00b7 ' + category.textContent);
    var count = doc.createElement('span');
    count.className = 'count';
    count.textContent = 'Finding ' + m.getAttribute('data-n');
    head.append(label, count);
    pop.append(head);
    if (body) {
      var copy = body.cloneNode(true);
      copy.removeAttribute('id');
      copy.querySelectorAll('[id]').forEach(function (e) { e.removeAttribute('id'); });
      pop.append(copy);
    }
    var rule = doc.getElementById('rule-' + m.getAttribute('data-rule'));
    var about = rule && rule.querySelector('dd');
    if (about) {
      var details = doc.createElement('details');
      details.className = 'about';
      var summary = doc.createElement('summary');
      summary.textContent = 'About this rule';
      var p = doc.createElement('p');
      p.textContent = about.textContent;
      details.append(summary, p);
      pop.append(details);
    }
    var hint = doc.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'j next \u00b7 k previous \u00b7 Esc close \u00b7 ? keys';
    pop.append(hint);
    pop.hidden = false;
    place(m);
  }
  function select(i, scroll) {
    clearCurrent();
    current = i;
    var m = marks[i];
    pieces(m.id).forEach(function (e) { e.classList.add('current'); });
    var note = noteOf(m.id);
    if (note) note.classList.add('current');
    m.focus({ preventScroll: true });
    if (scroll) m.scrollIntoView({ block: 'center', inline: 'nearest' });
    explain(m);
    updatePosition();
  }
  function move(step) {
    if (!marks.length) return;
    var from = current;
    var focused = doc.activeElement ? indexOf.get(doc.activeElement.id) : undefined;
    if (focused !== undefined) from = focused;
    // From the last finding on to the first again, as an editor's "next problem" does.
    for (var k = 1; k <= marks.length; ++k) {
      var i = from < 0 ? (step > 0 ? k - 1 : marks.length - k)
                       : (from + step * k + marks.length * k) % marks.length;
      if (shown(marks[i])) { select(i, true); return; }
    }
  }
  function toggleHelp(show) {
    if (!help) return;
    var open = show === undefined ? help.hidden : show;
    help.hidden = !open;
    if (open) help.querySelector('button').focus();
    else if (current >= 0) marks[current].focus({ preventScroll: true });
  }
  function applyFilter(box) {
    var c = box.getAttribute('data-filter');
    if (box.checked) hidden.delete(c); else hidden.add(c);
    root.classList.toggle('hide-' + c, !box.checked);
  }

  doc.querySelectorAll('input[data-filter]').forEach(function (box) {
    applyFilter(box); // a browser may restore a box's state on reload
    box.addEventListener('change', function () {
      applyFilter(box);
      if (current >= 0 && !shown(marks[current])) close();
      else if (current >= 0 && pop && !pop.hidden) place(marks[current]);
      updatePosition();
    });
  });
  doc.querySelectorAll('button[data-move]').forEach(function (b) {
    b.addEventListener('click', function () { move(Number(b.getAttribute('data-move'))); });
  });
  doc.querySelectorAll('button[data-help]').forEach(function (b) {
    b.addEventListener('click', function () { toggleHelp(); });
  });

  doc.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' ||
              (t.tagName === 'INPUT' && t.type !== 'checkbox'))) return;
    switch (e.key) {
    case 'j': case 'n': move(1); break;
    case 'k': case 'p': move(-1); break;
    case '?': toggleHelp(); break;
    case 'Escape':
      if (help && !help.hidden) toggleHelp(false); else close();
      break;
    default: return;
    }
    e.preventDefault();
  });

  doc.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var link = t.closest('a[href^="#f-"]');
    var id = link ? link.getAttribute('href').slice(1) : null;
    if (!id) {
      var hit = t.closest('mark.tl[data-finding], sup.ref[data-ref-for]');
      if (hit) id = hit.getAttribute('data-finding') || hit.getAttribute('data-ref-for');
    }
    var i = id === null ? undefined : indexOf.get(id);
    if (i !== undefined && shown(marks[i])) {
      e.preventDefault();
      select(i, !!link);
      return;
    }
    if (help && !help.hidden && !t.closest('#help') && !t.closest('button[data-help]'))
      toggleHelp(false);
    if (pop && !pop.hidden && !t.closest('#popover')) close();
  });
  doc.querySelectorAll('[data-close-help]').forEach(function (b) {
    b.addEventListener('click', function () { toggleHelp(false); });
  });
  window.addEventListener('resize', function () {
    if (current >= 0 && pop && !pop.hidden) place(marks[current]);
  });

  updatePosition();
  if (location.hash) {
    var start = indexOf.get(location.hash.slice(1));
    if (start !== undefined) select(start, true);
  }
})();
)JS";

} // namespace translint::report
