// The XLIFF 1.2 and 2.0 input adapter, through expat.
//
// One segment per translation unit: each <trans-unit> of XLIFF 1.2 (its <target>, with its
// <source>; <seg-source> and <mrk mtype="seg"> segmentation is read as one segment) and each
// <segment> of an XLIFF 2.0 <unit>. A unit without a target, or with an empty one, gives a
// segment with no text placed where the target stands or would stand (just after </source>), so
// a rule can report it untranslated. Units and groups with translate="no", notes, <alt-trans>,
// <header>, <originalData>, <ignorable> and elements of other namespaces are not read.
//
// Inline codes: each code element stands in both the text and the source as one U+FFFC OBJECT
// REPLACEMENT CHARACTER, mapped to the element's tag, so words on either side stay apart and
// rules can compare the codes of source and target by count. Paired codes with text inside
// (1.2 <g>, 2.0 <pc>) give one U+FFFC at the opening tag and one at the closing tag; the others
// (1.2 <x/>, <bx/>, <ex/>, <ph>, <bpt>, <ept>, <it>; 2.0 <ph/>, <sc/>, <ec/>; elements of other
// namespaces) give one, and what they hold is native code, not text. Annotation markers (<mrk>,
// 2.0 <sm/> and <em/>) are not codes: their content is text and they add nothing. A 2.0
// <cp hex="…"/> is the code point it names.
//
// State: a 1.2 <target state="new|needs-translation|needs-adaptation|needs-l10n|
// needs-review-translation|needs-review-adaptation|needs-review-l10n"> or a 2.0
// <segment state="initial"> needs review. Languages come from 1.2 <file source-language
// target-language> or 2.0 <xliff srcLang trgLang>, reduced to their primary subtag.
//
// Suppressions: a unit with a note holding "translint-disable", optionally followed by rule ids
// or categories separated by commas or spaces, is not reported on for those rules (all when none
// is named) anywhere in the unit.
//
// Refused, with translint::Error naming the line: malformed XML, a root other than <xliff>,
// entity declarations (a DTD's internal subset could expand without bound) and references to
// entities the file does not define, elements nested more than 256 deep, and a <cp> that names
// no code point.
#pragma once

#include "translint/document.hpp"

namespace translint::formats {

// Sets the document's segments, languages and suppressions from its XLIFF bytes.
void extract_xliff(Document& document, std::size_t max_nesting = 256);

} // namespace translint::formats
