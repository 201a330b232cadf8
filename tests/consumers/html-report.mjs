// Reads translint's HTML report the way an editor does, in headless Chromium (playwright-core
// driving Debian's chromium), and compares it with the JSON report of the same run:
//   - each file's text is the file's bytes, and every finding of the JSON report is highlighted
//     at its offset, its elements holding exactly its text, with its note, message and
//     suggestions; as many highlights and notes as findings; the summary's counts are the JSON's;
//   - the "Ilon" finding is explained with "Elon", in its note and in the explanation shown on
//     a click;
//   - j/n and k/p move the focus from finding to finding and show each one's explanation;
//   - a category filter hides that category's notes and drops its highlights;
//   - printed, the filters and the navigation are hidden and the highlights keep their underline;
//   - the page loads nothing from the network, and logs no error.
// Writes a full-page screenshot for a person to look at.
// Usage: node html-report.mjs --report FILE.html --json FILE.json --chromium PATH --screenshot PNG
// Paths in the JSON report are read relative to the current directory.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: {
    report: { type: 'string' },
    json: { type: 'string' },
    chromium: { type: 'string' },
    screenshot: { type: 'string' },
  },
});
for (const name of ['report', 'json', 'chromium', 'screenshot']) {
  if (!args[name]) {
    console.error(`usage: node html-report.mjs --report FILE.html --json FILE.json --chromium PATH --screenshot PNG (missing --${name})`);
    process.exit(2);
  }
}

let failures = 0;
function check(condition, what, detail = '') {
  if (condition) return;
  failures += 1;
  console.error(`FAIL: ${what}${detail ? `\n  ${detail}` : ''}`);
}
const show = (value) => JSON.stringify(value);

const json = JSON.parse(readFileSync(args.json, 'utf8'));
const allDiagnostics = json.files.flatMap((f) => f.diagnostics);

const browser = await chromium.launch({
  executablePath: args.chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const network = [];
const problems = [];
try {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  // The machine has no network, and the report must not want one: every request that is not
  // the report itself is refused and fails the test.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    network.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) network.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  await page.goto(pathToFileURL(args.report).href, { waitUntil: 'load' });

  // --- The page as it opens --------------------------------------------------------------------
  const head = await page.evaluate(() => ({
    title: document.title,
    masthead: document.querySelector('.masthead')?.textContent ?? '',
    summaryFirst: !!(document.getElementById('summary') && document.getElementById('files') &&
      document.getElementById('summary').compareDocumentPosition(document.getElementById('files')) &
        Node.DOCUMENT_POSITION_FOLLOWING),
    summaryAbove: document.getElementById('summary')?.getBoundingClientRect().top <
      document.getElementById('files')?.getBoundingClientRect().top,
    resources: document.querySelectorAll('[src], link, iframe, object, embed, img, video, audio').length,
  }));
  check(head.title === 'translint report', 'the page is titled "translint report"', show(head.title));
  check(head.masthead.includes(`translint ${json.tool.version}`), 'the masthead names the version',
        show(head.masthead));
  check(head.summaryFirst && head.summaryAbove, 'the summary comes before the files');
  check(head.resources === 0, 'the page has no element that loads a resource', `${head.resources} found`);

  // --- Every finding, in place -----------------------------------------------------------------
  const dom = await page.evaluate(() => {
    const bytes = (text) => new TextEncoder().encode(text).length;
    return Array.from(document.querySelectorAll('section.file')).map((section) => {
      const text = section.querySelector('.text');
      const findings = Array.from(text.querySelectorAll('mark[id]')).map((mark) => {
        const pieces = Array.from(text.querySelectorAll(`mark[data-finding="${mark.id}"]`));
        const before = document.createRange();
        before.setStart(text, 0);
        before.setEndBefore(mark);
        const note = document.getElementById(mark.getAttribute('aria-describedby'));
        const item = document.querySelector(`li.finding[data-note-for="${mark.id}"]`);
        return {
          id: mark.id,
          offset: Number(mark.dataset.offset),
          length: Number(mark.dataset.length),
          rule: mark.dataset.rule,
          severity: mark.dataset.severity,
          category: mark.dataset.category,
          text: pieces.map((piece) => piece.textContent).join(''),
          at: bytes(before.toString()),
          note: note ? note.textContent : null,
          suggestion: note?.querySelector('.fix ins')?.textContent ?? null,
          linked: !!item?.querySelector(`a[href="#${mark.id}"]`),
          inList: !!item && item.contains(note),
          visible: mark.getBoundingClientRect().height > 0,
        };
      });
      return {
        path: section.querySelector('.path').textContent,
        text: text.textContent,
        findings,
        notes: section.querySelectorAll('li.finding').length,
        clean: section.querySelector('.all-clear')?.textContent ?? null,
      };
    });
  });
  const stray = await page.evaluate(() => document.querySelectorAll('[data-finding]:not(mark)').length);
  check(stray === 0, 'only highlights carry data-finding', `${stray} other elements do`);
  check(dom.length === json.files.length, 'one section per file', `${dom.length} for ${json.files.length}`);
  let ilon = null;
  json.files.forEach((file, f) => {
    const section = dom[f];
    if (!section) return;
    check(section.path === file.path, `file ${f + 1} is ${file.path}`, show(section.path));
    check(section.text === readFileSync(file.path, 'utf8'),
          `${file.path}: the text shown is the file's text, line breaks and all`);
    check(section.findings.length === file.diagnostics.length,
          `${file.path}: as many highlights as findings`,
          `${section.findings.length} highlights, ${file.diagnostics.length} findings`);
    check(section.notes === file.diagnostics.length, `${file.path}: as many notes as findings`,
          `${section.notes} notes, ${file.diagnostics.length} findings`);
    check((section.clean !== null) === (file.diagnostics.length === 0),
          `${file.path}: says "No findings" exactly when it has none`, show(section.clean));
    if (file.diagnostics.length === 0)
      check(/No findings/.test(section.clean ?? ''), `${file.path}: the clean file says so`);
    const unmatched = [...section.findings];
    for (const d of file.diagnostics) {
      const where = `${file.path}:${d.line}:${d.column} ${d.rule} ${show(d.text)}`;
      const i = unmatched.findIndex((h) => h.offset === d.offset && h.length === d.length && h.rule === d.rule);
      check(i >= 0, `${where}: highlighted with its offset, length and rule`);
      if (i < 0) continue;
      const h = unmatched.splice(i, 1)[0];
      check(h.text === d.text, `${where}: the highlight holds exactly the flagged text`, show(h.text));
      check(h.at === d.offset, `${where}: the highlight is at the finding's offset in the text`,
            `${h.at} bytes precede it, not ${d.offset}`);
      check(h.severity === d.severity && h.category === d.category,
            `${where}: severity and category`, `${h.severity} ${h.category}`);
      check(h.visible, `${where}: the highlight is on the page`);
      check(h.note !== null && h.inList && h.linked,
            `${where}: described by its note in the findings list, which links to it`);
      if (h.note === null) continue;
      check(h.note.includes(d.message), `${where}: the note gives the message`, show(h.note));
      check(h.note.includes(d.rule), `${where}: the note gives the rule id`);
      const label = { error: 'Error', warning: 'Warning', info: 'Info' }[d.severity];
      check(h.note.includes(label), `${where}: the note says "${label}" in words`);
      for (const s of d.suggestions)
        check(h.note.includes(s), `${where}: the note gives the suggestion ${show(s)}`);
      if (d.text === 'Ilon') ilon = { ...h, diagnostic: d };
    }
  });
  check(allDiagnostics.length > 10, 'the sample article gives findings to look at',
        `${allDiagnostics.length} findings`);

  // --- The summary -----------------------------------------------------------------------------
  const summary = await page.evaluate(() => ({
    stats: Object.fromEntries(Array.from(document.querySelectorAll('#summary [data-stat]'))
      .map((s) => [s.dataset.stat, { count: Number(s.querySelector('dd').dataset.count),
                                     shown: s.querySelector('dd').textContent }])),
    categories: Object.fromEntries(Array.from(document.querySelectorAll('#summary tr[data-category]'))
      .map((row) => [row.dataset.category, Number(row.querySelector('td.count').textContent)])),
    lede: document.querySelector('#summary .lede')?.textContent ?? '',
  }));
  for (const key of ['files', 'errors', 'warnings', 'infos']) {
    const stat = summary.stats[key];
    check(stat && stat.count === json.summary[key] && stat.shown === String(json.summary[key]),
          `the summary's ${key} is the JSON's ${json.summary[key]}`, show(stat));
  }
  const byCategory = {};
  for (const d of allDiagnostics) byCategory[d.category] = (byCategory[d.category] ?? 0) + 1;
  check(show(Object.entries(summary.categories).sort()) === show(Object.entries(byCategory).sort()),
        'the counts by category are the JSON\'s', `${show(summary.categories)} for ${show(byCategory)}`);
  check(summary.lede.startsWith(`${allDiagnostics.length} findings in ${json.files.length} files`),
        'the summary says how many findings in how many files', show(summary.lede));

  // --- Keyboard: j and k walk the findings -----------------------------------------------------
  const order = await page.evaluate(() => Array.from(document.querySelectorAll('mark[id]'), (m) => m.id));
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    const box = e.getBoundingClientRect();
    const pop = document.getElementById('popover');
    const style = getComputedStyle(e);
    return {
      id: e.id,
      inView: box.top >= 0 && box.bottom <= window.innerHeight,
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      popover: pop && !pop.hidden && pop.getBoundingClientRect().height > 0 ? pop.textContent : null,
    };
  });
  const note = (id) => dom.flatMap((s) => s.findings).find((h) => h.id === id);
  const expectFocus = async (key, id) => {
    await page.keyboard.press(key);
    const now = await focused();
    check(now.id === id, `"${key}" moves the focus to ${id}`, `the focus is on ${show(now.id)}`);
    check(now.inView, `"${key}": ${id} is scrolled into view`);
    check(now.outline, `"${key}": the focused highlight shows a focus outline`);
    const message = note(id)?.note ?? '';
    check(now.popover !== null && message && now.popover.includes(message.slice(0, 40)),
          `"${key}": the explanation of ${id} is shown beside it`, show(now.popover));
  };
  check(order.length === allDiagnostics.length, 'every finding is reachable from the keyboard');
  await expectFocus('j', order[0]);
  await expectFocus('j', order[1]);
  await expectFocus('k', order[0]);
  await expectFocus('n', order[1]);
  await expectFocus('p', order[0]);
  await page.keyboard.press('Escape');
  check(await page.evaluate(() => document.getElementById('popover').hidden),
        'Escape closes the explanation');
  await page.keyboard.press('?');
  check(await page.isVisible('#help'), '"?" shows the keys');
  await page.keyboard.press('Escape');
  check(!(await page.isVisible('#help')), 'Escape hides the keys');

  // --- "Ilon" is explained with "Elon" ---------------------------------------------------------
  check(ilon !== null, 'the report has the "Ilon" finding');
  if (ilon) {
    check(ilon.suggestion === 'Elon', 'the "Ilon" note suggests "Elon" first', show(ilon.suggestion));
    check(/Ilon\s*→?\s*:?\s*(write)?\s*Elon/.test(ilon.note.replace(/\s+/g, ' ')),
          'the "Ilon" note reads Ilon → Elon', show(ilon.note));
    await page.click(`#${ilon.id}`);
    const explained = await focused();
    check(explained.id === ilon.id, 'a click on "Ilon" selects it');
    check(explained.popover?.includes('Elon') && explained.popover.includes('Ilon'),
          'a click on "Ilon" shows its explanation with "Elon"', show(explained.popover));
    await page.keyboard.press('Escape');
  }

  // --- Filters ---------------------------------------------------------------------------------
  const category = 'name';
  const filterState = () => page.evaluate((c) => {
    const shown = (e) => e.getClientRects().length > 0;
    const emphasis = (m) => {
      const s = getComputedStyle(m);
      return s.backgroundColor !== 'rgba(0, 0, 0, 0)' || s.borderBottomColor !== 'rgba(0, 0, 0, 0)';
    };
    const items = Array.from(document.querySelectorAll('li.finding'));
    const marks = Array.from(document.querySelectorAll('mark[data-finding]'));
    return {
      itemsOfCategory: items.filter((i) => i.classList.contains(`c-${c}`)).map(shown),
      otherItems: items.filter((i) => !i.classList.contains(`c-${c}`)).map(shown),
      marksOfCategory: marks.filter((m) => m.classList.contains(`c-${c}`)).map(emphasis),
      otherMarks: marks.filter((m) => !m.classList.contains(`c-${c}`)).map(emphasis),
    };
  }, category);
  check(byCategory[category] > 0, `the report has findings of the category ${category}`);
  await page.uncheck(`input[data-filter="c-${category}"]`);
  let state = await filterState();
  check(state.itemsOfCategory.length === byCategory[category] && state.itemsOfCategory.every((v) => !v),
        `unticking "${category}" hides its notes`, show(state.itemsOfCategory));
  check(state.marksOfCategory.every((v) => !v), `unticking "${category}" drops its highlights`);
  check(state.otherItems.every((v) => v) && state.otherMarks.every((v) => v),
        `unticking "${category}" leaves the other findings alone`);
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('j');
  const skipped = await page.evaluate(() => document.activeElement.className);
  check(!skipped.includes(`c-${category}`) && skipped.includes('tl'),
        `"j" skips the hidden category`, show(skipped));
  await page.keyboard.press('Escape');
  await page.check(`input[data-filter="c-${category}"]`);
  state = await filterState();
  check(state.itemsOfCategory.every((v) => v) && state.marksOfCategory.every((v) => v),
        `ticking "${category}" again shows its findings`);
  const severity = json.summary.warnings ? 'warning' : 'error';
  await page.uncheck(`input[data-filter="s-${severity}"]`);
  const severityHidden = await page.evaluate((s) => Array.from(
    document.querySelectorAll(`li.finding.s-${s}`)).every((i) => i.getClientRects().length === 0), severity);
  check(severityHidden, `unticking "${severity}" hides those notes`);
  await page.check(`input[data-filter="s-${severity}"]`);

  // --- Print -----------------------------------------------------------------------------------
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => {
    const shown = (e) => !!e && e.getClientRects().length > 0;
    return {
      toolbar: shown(document.getElementById('toolbar')),
      filters: Array.from(document.querySelectorAll('input[data-filter]')).some(shown),
      navigation: Array.from(document.querySelectorAll('button[data-move], button[data-help]')).some(shown),
      underlined: Array.from(document.querySelectorAll('mark[data-finding]:not(.zero)')).every((m) => {
        const s = getComputedStyle(m);
        return s.borderBottomStyle !== 'none' && parseFloat(s.borderBottomWidth) > 0;
      }),
      notes: Array.from(document.querySelectorAll('li.finding')).every(shown),
      avoidBreaks: Array.from(document.querySelectorAll('li.finding')).every((i) => getComputedStyle(i).breakInside === 'avoid'),
      summary: shown(document.getElementById('summary')),
      serif: getComputedStyle(document.querySelector('.text')).fontFamily,
    };
  });
  check(!print.toolbar && !print.filters && !print.navigation, 'printed, the filters and the navigation are hidden', show(print));
  check(print.underlined, 'printed, every highlight keeps its underline');
  check(print.notes && print.avoidBreaks, 'printed, the notes are there and do not break across pages');
  check(print.summary, 'printed, the summary is there');
  check(/serif/.test(print.serif) && !/sans-serif$/.test(print.serif), 'the text is set in a serif', print.serif);
  await page.emulateMedia({ media: 'screen' });
  check(await page.isVisible('#toolbar'), 'on screen again, the filters are back');

  // --- A picture for a person ------------------------------------------------------------------
  // Fresh, with the first finding explained, as an editor sees it after pressing "j".
  await page.reload({ waitUntil: 'load' });
  await page.keyboard.press('j');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: args.screenshot, fullPage: true });
  console.log(`html-report: screenshot ${args.screenshot}`);
  await context.close();
} finally {
  await browser.close();
}

check(network.length === 0, 'the report asks nothing of the network', network.join(', '));
check(problems.length === 0, 'no console error and no page error', problems.join('\n  '));
if (failures) {
  console.error(`html-report: ${failures} check${failures === 1 ? '' : 's'} failed`);
  process.exit(1);
}
console.log(`html-report: ${allDiagnostics.length} findings in ${json.files.length} files checked in Chromium`);
