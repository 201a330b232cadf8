// The gettext PO input adapter, with its own parser: byte offsets survive escapes and strings
// continued over several lines.
//
// One segment per translation: the msgstr of an entry, or each msgstr[N] of a plural entry, with
// msgid as the source of msgstr and msgstr[0] and msgid_plural as the source of the other forms.
// An empty msgstr gives a segment with no text placed just inside its quotes, so a rule can
// report it untranslated. The header entry (msgid "") is no segment: its "Language:" field,
// reduced to the primary subtag, is the document's target language. "#, fuzzy" entries need
// review. Obsolete entries (#~) are not read.
//
// Suppressions: a translator comment "# translint-disable" before an entry silences every rule on
// its translations; "# translint-disable it.names.garbled, name" only the rule ids and categories
// named (separated by commas or spaces).
//
// Refused, with translint::Error naming the line: unknown keywords, text outside quotes, strings
// without their closing quote, keywords out of order (msgstr without msgid, msgstr[N] without
// msgid_plural or out of sequence, a msgid without msgstr), comments between msgid and msgstr,
// bad escapes, and strings that are not UTF-8 once their escapes are decoded.
#pragma once

#include "translint/document.hpp"

namespace translint::formats {

// Sets the document's segments, target language and suppressions from its PO bytes.
void extract_po(Document& document);

} // namespace translint::formats
