#include "translint/fix.hpp"

#include <algorithm>

namespace translint {
namespace {

bool plain(std::string_view text) {
    return text.find_first_of("<>&\\\"`*_[]\r\n") == std::string_view::npos;
}

bool safe(std::string_view bytes, const Edit& edit) {
    return edit.offset <= bytes.size() && edit.length <= bytes.size() - edit.offset &&
           plain(bytes.substr(edit.offset, edit.length)) && plain(edit.replacement);
}

} // namespace

Fixed apply_fixes(std::string_view bytes, const std::vector<Diagnostic>& findings) {
    std::vector<const Diagnostic*> fixable;
    for (const Diagnostic& d : findings)
        if (!d.fixes.empty()) fixable.push_back(&d);
    std::stable_sort(fixable.begin(), fixable.end(), [](const Diagnostic* a, const Diagnostic* b) {
        return a->fixes.front().offset < b->fixes.front().offset;
    });

    Fixed fixed;
    std::vector<const Edit*> taken; // in file order, none overlapping
    auto overlaps = [&](const Edit& edit) {
        return std::any_of(taken.begin(), taken.end(), [&](const Edit* t) {
            // Two insertions at one place, or an edit that reaches into another, conflict.
            return (edit.offset < t->offset + t->length && t->offset < edit.offset + edit.length) ||
                   edit.offset == t->offset;
        });
    };
    for (const Diagnostic* d : fixable) {
        const bool applicable = std::all_of(d->fixes.begin(), d->fixes.end(), [&](const Edit& e) {
            return safe(bytes, e) && !overlaps(e);
        });
        if (!applicable) {
            ++fixed.findings_left;
            continue;
        }
        for (const Edit& edit : d->fixes)
            taken.push_back(&edit);
        ++fixed.findings_fixed;
    }
    std::sort(taken.begin(), taken.end(),
              [](const Edit* a, const Edit* b) { return a->offset < b->offset; });
    std::size_t at = 0;
    for (const Edit* edit : taken) {
        fixed.bytes.append(bytes.substr(at, edit->offset - at));
        fixed.bytes += edit->replacement;
        at = edit->offset + edit->length;
    }
    fixed.bytes.append(bytes.substr(at));
    return fixed;
}

} // namespace translint
