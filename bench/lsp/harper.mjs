// Times Harper (its npm package, harper.js: the same Rust linter compiled to WebAssembly) on the
// edit that bench/lsp/measure.py times for translint: one word of a 1,000-word document changed,
// then the whole document linted again, as harper-ls does after each edit.
// Usage: node bench/lsp/harper.mjs DOCUMENT [EDITS]
import { readFileSync } from 'node:fs';
import { LocalLinter } from 'harper.js';
import { binary } from 'harper.js/binary';

const [document, edits = '60'] = process.argv.slice(2);
let text = readFileSync(document, 'utf8');
const linter = new LocalLinter({ binary });
await linter.setup();
await linter.lint(text); // warm up

// The same edits as measure.py: a letter doubled in a word of five letters or more, then put back.
let seed = 7;
const random = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
const spans = [...text.matchAll(/\b[a-z]{5,}\b/g)].map((m) => [m.index, m.index + m[0].length]);
const times = [];
for (let i = 0; i < Number(edits); ++i) {
  const [begin, end] = spans[random(spans.length)];
  const word = text.slice(begin, end);
  const edited = word.slice(0, 2) + word[2] + word.slice(2);
  text = text.slice(0, begin) + edited + text.slice(end);
  const started = performance.now();
  await linter.lint(text);
  times.push(performance.now() - started);
  text = text.slice(0, begin) + word + text.slice(begin + edited.length);
  await linter.lint(text);
}
times.sort((a, b) => a - b);
const words = text.split(/\s+/).filter(Boolean).length;
console.log(JSON.stringify({
  document_words: words,
  relint_ms_median: Number(times[Math.floor(times.length / 2)].toFixed(2)),
  relint_ms_p90: Number(times[Math.min(times.length - 1, Math.floor(times.length * 0.9))].toFixed(2)),
  edits: times.length,
}));
