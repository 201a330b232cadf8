// Reads translint's machine-readable reports with the tools that consume them, and compares each
// with the JSON report of the same run:
//   SARIF       validated against the official SARIF 2.1.0 schema (ajv, draft-04)
//   JUnit       parsed by xmllint and by junit2json
//   Checkstyle  parsed by xmllint, its errors read back with XPath
//   GitHub      the lines @actions/core writes for the same findings, byte for byte
// Usage: node check-machine-formats.mjs DIR, where DIR holds report.json, report.sarif,
// report.junit.xml, report.checkstyle.xml and report.github.txt. Exits 1 when any check fails,
// saying how.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseJunit } from 'junit2json';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node check-machine-formats.mjs DIR');
  process.exit(2);
}
const read = (name) => readFileSync(join(dir, name), 'utf8');
function readJson(name) {
  try {
    return JSON.parse(read(name));
  } catch (error) {
    console.error(`FAIL: ${name} is not valid JSON: ${error.message}`);
    process.exit(1);
  }
}

let failures = 0;
const shown = 25; // failures described; the rest are only counted
function check(condition, what, detail = '') {
  if (condition) return;
  failures += 1;
  if (failures <= shown) console.error(`FAIL: ${what}${detail ? `\n  ${detail}` : ''}`);
}
function same(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(a === e, what, `expected ${e}\n  actual   ${a}`);
}

// The findings of the JSON report, in order, each with its file.
const report = readJson('report.json');
const files = report.files;
const findings = files.flatMap((file) => file.diagnostics.map((d) => ({ ...d, path: file.path })));
check(findings.length > 0, 'the JSON report has findings to compare with');
const severities = new Set(findings.map((d) => d.severity));
check(severities.has('error') && severities.has('warning') && severities.has('info'),
  'the inputs give findings of every severity', [...severities].join(', '));
// The inputs must need the escapes, or this test would prove nothing.
check(files.some((f) => /[,:%]/.test(f.path) && /[^\x00-\x7f]/.test(f.path)),
  'a file name with a comma, colon or % and non-ASCII letters');
check(files.some((f) => f.path === '<stdin>'), 'standard input among the inputs');
check(findings.some((d) => /[,:%<&>"]/.test(d.message) && d.message.includes('\n')),
  'a message with a line break and characters that need escapes');

// --- SARIF ------------------------------------------------------------------------------------
{
  const schemaFile = new URL(
    './node_modules/@microsoft/sarif-matcher-utils/lib/schemas/sarif-2.1.0-rtm.5.json',
    import.meta.url);
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  // The schema's pattern for a language tag ("...{2}]?$") is not valid with the u flag that ajv uses
  // by default; without it, the "]" is a literal, as the schema's authors read it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const log = readJson('report.sarif');
  const valid = validate(log);
  check(valid, 'the SARIF log is valid against the SARIF 2.1.0 schema',
    JSON.stringify(validate.errors, null, 2));

  same(log.version, '2.1.0', 'SARIF version');
  same(log.runs.length, 1, 'SARIF runs');
  const run = log.runs[0];
  same(run.columnKind, 'unicodeCodePoints', 'SARIF columnKind');
  same(run.tool.driver.name, 'translint', 'SARIF tool name');
  same(run.tool.driver.version, report.tool.version, 'SARIF tool version');
  const rules = run.tool.driver.rules;
  same(new Set(rules.map((r) => r.id)).size, rules.length, 'SARIF rules are described once each');
  same(run.artifacts.length, files.length, 'SARIF artifacts: one per checked file');
  const level = { error: 'error', warning: 'warning', info: 'note' };
  same(run.results.length, findings.length, 'SARIF results: as many as the JSON findings');
  run.results.forEach((result, i) => {
    const d = findings[i];
    if (!d) return;
    const where = `SARIF result ${i} (${d.path}:${d.line}:${d.column} ${d.rule})`;
    const location = result.locations[0].physicalLocation;
    const region = location.region;
    same([result.ruleId, result.level, result.message.text],
      [d.rule, level[d.severity], d.message], `${where}: rule, level and message`);
    same(rules[result.ruleIndex]?.id, d.rule, `${where}: ruleIndex names its rule`);
    same([region.startLine, region.startColumn, region.endLine, region.endColumn],
      [d.line, d.column, d.end_line, d.end_column], `${where}: lines and columns`);
    same([region.byteOffset, region.byteLength], [d.offset, d.length], `${where}: bytes`);
    same(region.snippet.text, d.text, `${where}: snippet`);
    check(/^[0-9a-f]{16}$/.test(result.partialFingerprints?.['translint/v1'] ?? ''),
      `${where}: a translint/v1 fingerprint`);
    // The location is a URI reference that decodes to the path; standard input has none.
    const uri = location.artifactLocation.uri;
    if (d.path === '<stdin>') {
      same([uri, location.artifactLocation.description?.text], [undefined, 'standard input'],
        `${where}: standard input is described, not given a URI`);
    } else {
      const path = d.path.startsWith('/') ? `file://${d.path}` : d.path.replace(/^(\.\/)+/, '');
      same(decodeURIComponent(uri), path, `${where}: the artifact URI decodes to the path`);
      check(/^[A-Za-z0-9\-._~/%:]*$/.test(uri), `${where}: the URI is percent-encoded`, uri);
    }
    same(run.artifacts[location.artifactLocation.index]?.location, {
      ...location.artifactLocation, index: undefined,
    }, `${where}: the artifact index`);
    same(result.properties?.suggestions ?? [], d.suggestions, `${where}: suggestions`);
    if (d.fixes) {
      const replacement = result.fixes[0].artifactChanges[0].replacements[0];
      same([replacement.deletedRegion.byteOffset, replacement.deletedRegion.byteLength,
        replacement.insertedContent.text],
      [d.fixes[0].offset, d.fixes[0].length, d.fixes[0].replacement], `${where}: fix`);
    }
  });
}

// --- XML --------------------------------------------------------------------------------------
// True when xmllint reads the file as well-formed XML.
function wellFormed(name) {
  try {
    execFileSync('xmllint', ['--noout', join(dir, name)], { encoding: 'utf8', stdio: 'pipe' });
    return true;
  } catch (error) {
    check(false, `${name} is well-formed XML (xmllint --noout)`,
      String(error.stderr || error).split('\n').slice(0, 6).join('\n  '));
    return false;
  }
}
// The value of an XPath expression; xmllint ends it with a line feed of its own.
function xpath(name, expression) {
  try {
    const value = execFileSync('xmllint', ['--xpath', expression, join(dir, name)],
      { encoding: 'utf8', stdio: 'pipe' });
    check(value.endsWith('\n'), `xmllint --xpath ${expression}: a line feed at the end`);
    return value.slice(0, -1);
  } catch (error) {
    check(false, `xmllint --xpath ${expression} ${name}`, String(error.stderr || error));
    return '';
  }
}
const line = (d) => `${d.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]\n`;

// --- JUnit ------------------------------------------------------------------------------------
if (wellFormed('report.junit.xml')) {
  const suites = await parseJunit(read('report.junit.xml'));
  const failing = files.filter((f) => f.diagnostics.some((d) => d.severity !== 'info'));
  same([suites.name, suites.tests, suites.failures], ['translint', files.length, failing.length],
    'JUnit testsuites: name, tests and failures');
  const cases = suites.testsuite?.flatMap((suite) => suite.testcase ?? []) ?? [];
  same(cases.length, files.length, 'JUnit test cases: one per checked file');
  cases.forEach((testCase, i) => {
    const file = files[i];
    if (!file) return;
    const where = `JUnit test case ${i} (${file.path})`;
    same([String(testCase.name), testCase.classname], [file.path, 'translint'], `${where}: name`);
    const located = file.diagnostics.map((d) => ({ ...d, path: file.path }));
    const failed = located.filter((d) => d.severity !== 'info');
    const infos = located.filter((d) => d.severity === 'info');
    same(testCase.failure?.length ?? 0, failed.length ? 1 : 0, `${where}: failed or not`);
    if (failed.length && testCase.failure?.length) {
      const failure = testCase.failure[0];
      same(failure.message, `${failed.length} finding${failed.length === 1 ? '' : 's'}`,
        `${where}: failure message`);
      same(failure.inner, failed.map(line).join(''), `${where}: failure text`);
    }
    same(testCase['system-out'] ?? [], infos.length ? [infos.map(line).join('')] : [],
      `${where}: system-out`);
  });
}

// --- Checkstyle -------------------------------------------------------------------------------
if (wellFormed('report.checkstyle.xml')) {
  const value = (expression) => xpath('report.checkstyle.xml', expression);
  same(Number(value('count(/checkstyle/file)')), files.length,
    'Checkstyle file elements: one per checked file');
  same(Number(value('count(/checkstyle/file/error)')), findings.length,
    'Checkstyle error elements: as many as the JSON findings');
  same(value('string(/checkstyle/@version)'), '4.3', 'Checkstyle version');
  files.forEach((file, f) => {
    const at = `/checkstyle/file[${f + 1}]`;
    same(value(`string(${at}/@name)`), file.path, `Checkstyle file ${f}: name`);
    // Each error's attributes as XPath reads them back.
    const errors = file.diagnostics.map((_, e) => {
      const error = `${at}/error[${e + 1}]`;
      return value(`concat(${error}/@line, '|', ${error}/@column, '|', ${error}/@severity, ` +
        `'|', ${error}/@source, '|', ${error}/@message)`);
    });
    file.diagnostics.forEach((d, e) => same(errors[e],
      `${d.line}|${d.column}|${d.severity}|translint.${d.rule}|${d.message}`,
      `Checkstyle ${file.path}, error ${e + 1}: line|column|severity|source|message`));
  });
}

// --- GitHub workflow commands -----------------------------------------------------------------
{
  // What @actions/core writes for each finding, captured from its process.stdout.write.
  const chunks = [];
  const write = process.stdout.write;
  process.stdout.write = (chunk) => {
    chunks.push(String(chunk));
    return true;
  };
  try {
    const annotate = { error: core.error, warning: core.warning, info: core.notice };
    for (const d of findings) {
      const oneLine = d.line === d.end_line; // columns only for an annotation on one line
      const suggestions = d.suggestions.length ? ` → ${d.suggestions.join(', ')}` : '';
      annotate[d.severity](`${d.message}${suggestions} [${d.rule}]`, {
        title: d.rule,
        file: d.path === '<stdin>' ? undefined : d.path,
        startLine: d.line,
        endLine: d.end_line,
        startColumn: oneLine ? d.column : undefined,
        endColumn: oneLine ? d.end_column : undefined,
      });
    }
  } finally {
    process.stdout.write = write;
  }
  const expected = chunks.join('').split('\n');
  const actual = read('report.github.txt').split('\n');
  same(actual.length, expected.length, 'GitHub: as many lines as @actions/core writes');
  expected.forEach((want, i) => {
    if (actual[i] !== want)
      check(false, `GitHub line ${i + 1} differs from @actions/core's`,
        `expected ${JSON.stringify(want)}\n  actual   ${JSON.stringify(actual[i])}`);
  });
}

if (failures) {
  console.error(`${failures} check(s) failed in ${dir}`);
  process.exit(1);
}
console.log(`machine formats agree with their consumers: ${findings.length} findings in ` +
  `${files.length} files`);
