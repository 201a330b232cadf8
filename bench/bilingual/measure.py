#!/usr/bin/env python3
"""Measures the bilingual checks on parallel data with injected errors.

Two kinds of pairs, each checked clean and with one error injected into the translation:
- news: the sentences of templates.tsv (Ukrainian, Russian and English sources, Italian
  translations) filled with names from the gazetteer and with numbers, each in its language's
  conventions;
- ui: real English-Italian pairs of the Debian system's own translations (the .mo files under
  /usr/share/locale/it), read with msgunfmt.

Injected errors: a number changed (a digit, a power of ten, a count), and a name replaced by its
transliteration from the Cyrillic source, by the common noun machine translation makes of it, by
a misspelling or by another name. Recall is the share of injected pairs where a bilingual rule
reports the error on that pair; false positives are the share of untouched pairs that a
bilingual rule of the same category flags.

usage: bench/bilingual/measure.py [path/to/translint] [--pairs N] [--seed S] [--json FILE]
"""
import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

MONTHS = {
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "en": "January February March April May June July August September October November December",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
}
MONTHS = {lang: names.split() for lang, names in MONTHS.items()}

# BGN/PCGN readings of Cyrillic letters, as machine translation through Russian or Ukrainian
# writes names: the garbles a newsroom sees.
BGN = {
    "uk": dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
                   "a b v h g d e ye zh z y i yi y k l m n o p r s t u f kh ts ch sh shch  yu ya"
                   .split(" "))),
    "ru": dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                   "a b v g d ye yo zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya"
                   .split(" "))),
}


def transliterate(word, lang):
    table = BGN[lang]
    out = "".join(table.get(c.lower(), c.lower()) for c in word)
    return out[:1].upper() + out[1:]


def load_gazetteer():
    persons, cities, countries = [], [], []
    for path in sorted(glob.glob(os.path.join(ROOT, "dictionaries", "names", "*.tsv"))):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t") + [""] * 7
            kind, name, italian, _variants, ru, uk, traps = cols[:7]
            if not ru or not uk or "," in name or "(" in name:
                continue
            entity = {
                "name": name, "it": italian or name, "ru": ru.split(";")[0],
                "uk": uk.split(";")[0],
                "traps": [t[3:] for t in traps.split(";") if t.startswith("it:")],
            }
            if kind == "person":
                tokens = name.split(" ")
                if (len(tokens) == 2 and all(len(t.split(" ")) == 2 for t in
                                             (entity["ru"], entity["uk"]))
                        and len(entity["it"].split(" ")) == 2 and "-" not in name):
                    persons.append(entity)
            elif kind == "city" and " " not in name and " " not in entity["uk"]:
                cities.append(entity)
            elif kind == "country" and " " not in entity["it"] and " " not in entity["uk"]:
                countries.append(entity)
    return persons, cities, countries


def genitive(name):
    """The genitive of a male name whose words end in a consonant: Ілон Маск -> Ілона Маска."""
    return " ".join(word + "а" for word in name.split(" "))


def declinable(entity):
    consonants = set("бвгґджзклмнпрстфхцчшщ")
    return all(word[-1] in consonants for lang in ("ru", "uk") for word in entity[lang].split(" "))


def group(value, separator):
    return f"{value:,}".replace(",", separator)


def numbers(rng):
    big = rng.randrange(2, 99) * 1000 + rng.choice([0, 0, 500, rng.randrange(1, 999)])
    dec = round(rng.uniform(0.1, 19.9), 1)
    mln = rng.choice([round(rng.uniform(1.1, 9.9), 1), rng.randrange(2, 900)])
    return {"INT": rng.randrange(2, 99), "BIG": big, "DEC": dec, "PCT": rng.randrange(2, 99),
            "YEAR": rng.randrange(1995, 2026), "DAY": rng.randrange(1, 29),
            "MON": rng.randrange(12), "MLN": mln}


def write_number(slot, value, lang):
    if slot == "MON":
        return MONTHS[lang][value]
    if slot == "BIG":
        return group(value, {"en": ",", "it": "."}.get(lang, "\u00a0"))
    if isinstance(value, float):
        return str(value).replace(".", "," if lang != "en" else ".")
    return str(value)


def fill(template, lang, person, city, country, values, side):
    out = template
    names = {"P": person, "S": person, "C": city, "K": country}
    for slot, entity in names.items():
        form = entity["it"] if side == "it" else (entity["name"] if lang == "en" else entity[lang])
        if slot == "S":
            form = form.split(" ")[-1]
        out = out.replace("{" + slot + "}", form)
    if "{PG}" in out:
        out = out.replace("{PG}", genitive(person[lang]))
    for slot, value in values.items():
        out = out.replace("{" + slot + "}", write_number(slot, value, side if side == "it" else lang))
    return out


def news_pairs(rng, count):
    persons, cities, countries = load_gazetteer()
    declinable_persons = [p for p in persons if declinable(p)]
    templates = []
    for line in open(os.path.join(HERE, "templates.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        templates.append(line.rstrip("\n").split("\t"))
    pairs = []
    for _ in range(count):
        lang, source, target = rng.choice(templates)
        person = rng.choice(declinable_persons if "{PG}" in source else persons)
        city, country = rng.choice(cities), rng.choice(countries)
        values = numbers(rng)
        pairs.append({
            "lang": lang,
            "source": fill(source, lang, person, city, country, values, lang),
            "target": fill(target, lang, person, city, country, values, "it"),
            "names": [person, city, country], "source_person": person,
            "person_slot": "{S}" if "{S}" in target else "{P}",
            "persons": persons,
        })
    return pairs


def ui_pairs(rng, count):
    """Real English-Italian pairs from the system's installed translations."""
    pairs = []
    for path in sorted(glob.glob("/usr/share/locale/it/LC_MESSAGES/*.mo")):
        try:
            po = subprocess.run(["msgunfmt", path], capture_output=True, text=True,
                                check=True).stdout
        except (subprocess.CalledProcessError, UnicodeDecodeError):
            continue
        for msgid, msgstr in re.findall(r'\nmsgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', po):
            source = "".join(re.findall(r'"(.*)"', msgid))
            target = "".join(re.findall(r'"(.*)"', msgstr))
            if not source or not target or "\\n" in source or "\\t" in source + target:
                continue
            source, target = (s.replace('\\"', '"').replace("\\\\", "\\") for s in (source, target))
            pairs.append({"lang": "en", "source": source, "target": target})
    rng.shuffle(pairs)
    return pairs[:count]


NUMBER = re.compile(r"\d+(?:[.,\u00a0]\d+)*")


def inject_number(rng, pair):
    """Changes one number of the translation that also stands in the source; None if none."""
    source_digits = set(re.findall(r"\d+", pair["source"]))
    spans = [m for m in NUMBER.finditer(pair["target"])
             if set(re.findall(r"\d+", m.group())) & source_digits]
    if not spans:
        return None
    m = rng.choice(spans)
    text = m.group()
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    how = rng.choice(["digit", "power", "count"])
    if how == "power" and len(digits) > 1 and ("." in text or "," in text):
        # 15.000 -> 1.500: the separator moves one place.
        plain = re.sub(r"[.,\u00a0]", "", text)
        changed = plain[:-1]
        changed = group(int(changed), ".") if changed.isdigit() and len(changed) > 3 else changed
    elif how == "count" and text.isdigit():
        changed = str(int(text) + rng.choice([-3, -2, -1, 1, 2, 3, 10]))
    else:
        i = rng.choice(digits)
        options = [d for d in "0123456789" if d != text[i] and not (i == 0 and d == "0")]
        changed = text[:i] + rng.choice(options) + text[i + 1:]
    if changed == text or not changed or changed.startswith("-"):
        return None
    target = pair["target"][:m.start()] + changed + pair["target"][m.end():]
    return dict(pair, target=target, injected=(m.start(), len(changed)), kind="number:" + how)


def misspell(rng, word):
    vowels = "aeiou"
    positions = [i for i, c in enumerate(word) if c in vowels and i > 0]
    if positions and rng.random() < 0.7:
        i = rng.choice(positions)
        return word[:i] + rng.choice([v for v in vowels if v != word[i]]) + word[i + 1:]
    i = rng.randrange(1, len(word))
    return word[:i] + word[i - 1] + word[i:]  # a doubled letter


def inject_name(rng, pair):
    """Replaces the person's surname (or given name) in the translation."""
    person = pair["source_person"]
    tokens = person["it"].split(" ")
    index = rng.choice([0, 1]) if pair["person_slot"] == "{P}" else 1
    token = tokens[index]
    where = [m.start() for m in re.finditer(r"\b" + re.escape(token) + r"\b", pair["target"])]
    if not where:
        return None
    how = rng.choice(["transliterated", "misspelled", "replaced", "trap"])
    if how == "trap" and not person["traps"]:
        how = "transliterated"
    cyrillic_lang = pair["lang"] if pair["lang"] != "en" else rng.choice(["ru", "uk"])
    if how == "transliterated":
        changed = transliterate(person[cyrillic_lang].split(" ")[index], cyrillic_lang)
    elif how == "misspelled":
        changed = misspell(rng, token)
    elif how == "trap":
        changed = person["traps"][0]
    else:
        other = rng.choice(pair["persons"])
        changed = other["it"].split(" ")[index]
    if changed == token or changed.lower() == token.lower():
        return None
    start = where[0]
    target = pair["target"][:start] + changed + pair["target"][start + len(token):]
    return dict(pair, target=target, injected=(start, len(changed)), kind="name:" + how)


def run(translint, pairs, source_lang):
    """Checks the pairs as one TSV file; returns the bilingual findings per pair."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "pairs.tsv")
        with open(path, "w", encoding="utf-8") as out:
            for pair in pairs:
                out.write(pair["source"] + "\t" + pair["target"] + "\n")
        result = subprocess.run(
            [translint, "check", "--format", "json", "--fail-on", "never", "--lang", "it",
             "--source-lang", source_lang, "--input-format", "tsv", path],
            capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit("translint failed: " + result.stderr)
        report = json.loads(result.stdout)
    found = [[] for _ in pairs]
    for d in report["files"][0]["diagnostics"]:
        if d["rule"].startswith("common."):
            found[d["line"] - 1].append(d)
    return found


def flags(findings, category_rules):
    return [d for d in findings if d["rule"].startswith(category_rules)]


SHOW = {"false_positives": 0, "misses": 0}


def measure(translint, clean, injected, source_lang, rules):
    clean_found = run(translint, clean, source_lang)
    injected_found = run(translint, injected, source_lang) if injected else []
    flagged = sum(1 for f in clean_found if flags(f, rules))
    for pair, f in zip(clean, clean_found):
        if flags(f, rules) and SHOW["false_positives"] > 0:
            SHOW["false_positives"] -= 1
            print("false positive:", pair["source"], "|", pair["target"], "|",
                  [(d["rule"], d["text"], d["message"]) for d in flags(f, rules)], file=sys.stderr)
    caught = sum(1 for f in injected_found if flags(f, rules))
    by_kind = {}
    for pair, f in zip(injected, injected_found):
        if not flags(f, rules) and SHOW["misses"] > 0:
            SHOW["misses"] -= 1
            print("missed", pair["kind"] + ":", pair["source"], "|", pair["target"],
                  file=sys.stderr)
        hit, total = by_kind.get(pair["kind"], (0, 0))
        by_kind[pair["kind"]] = (hit + bool(flags(f, rules)), total + 1)
    every_rule = {}
    for f in clean_found:
        for rule in sorted({d["rule"] for d in f}):
            every_rule[rule] = every_rule.get(rule, 0) + 1
    return {"pairs": len(clean), "false_positive_pairs": flagged,
            "untouched_pairs_flagged_by_rule": every_rule,
            "false_positive_rate": flagged / max(1, len(clean)),
            "injected": len(injected), "caught": caught,
            "recall": caught / max(1, len(injected)),
            "by_kind": {k: {"caught": h, "injected": t} for k, (h, t) in sorted(by_kind.items())}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("translint", nargs="?", default=os.path.join(ROOT, "build", "translint"))
    parser.add_argument("--pairs", type=int, default=600, help="news pairs per source language")
    parser.add_argument("--ui-pairs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--show", type=int, default=0,
                        help="print this many flagged untouched pairs and missed errors, to stderr")
    args = parser.parse_args()
    SHOW["false_positives"] = SHOW["misses"] = args.show
    rng = random.Random(args.seed)
    results = {}
    news = news_pairs(rng, args.pairs * 3)
    for lang in ("uk", "ru", "en"):
        clean = [p for p in news if p["lang"] == lang]
        numbers_injected = [x for x in (inject_number(rng, p) for p in clean) if x]
        names_injected = [x for x in (inject_name(rng, p) for p in clean) if x]
        results[f"news {lang}-it numbers"] = measure(args.translint, clean, numbers_injected, lang,
                                                     "common.number")
        results[f"news {lang}-it names"] = measure(args.translint, clean, names_injected, lang,
                                                   "common.names")
    ui = ui_pairs(rng, args.ui_pairs)
    if ui:
        ui_injected = [x for x in (inject_number(rng, p) for p in ui) if x]
        results["ui en-it numbers (real pairs)"] = measure(args.translint, ui, ui_injected, "en",
                                                           "common.number")
        results["ui en-it names (real pairs)"] = measure(args.translint, ui, [], "en",
                                                         "common.names")
    print(f"{'set':34} {'pairs':>6} {'flagged':>8} {'fp%':>6} {'injected':>8} {'recall%':>8}")
    for name, r in results.items():
        print(f"{name:34} {r['pairs']:6} {r['false_positive_pairs']:8} "
              f"{100 * r['false_positive_rate']:6.2f} {r['injected']:8} {100 * r['recall']:8.1f}")
        for kind, k in r["by_kind"].items():
            print(f"    {kind:30} {k['caught']:4}/{k['injected']:<4}")
    ui_rules = results.get("ui en-it names (real pairs)", {}).get("untouched_pairs_flagged_by_rule")
    if ui_rules:
        print("\nreal untouched pairs flagged, by bilingual rule (of %d):" % len(ui))
        for rule, count in sorted(ui_rules.items()):
            print(f"    {rule:40} {count:5} {100 * count / len(ui):6.2f}%")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(results, out, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
