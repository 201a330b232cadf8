// Language codes, from ICU's list of ISO 639 languages.
#pragma once

#include <string_view>

namespace translint::text {

// True for a language tag whose primary subtag ICU knows as an ISO 639 language: "uk", "it-IT",
// "en_US"; false for "ok" or "xx".
bool is_language_tag(std::string_view tag);

} // namespace translint::text
