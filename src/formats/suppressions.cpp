#include "formats/suppressions.hpp"

#include "formats/disable_comment.hpp"

#include <algorithm>

namespace translint::formats {

void SuppressionComments::read(std::string_view markup, std::size_t origin) {
    constexpr std::string_view open_mark = "<!--", close_mark = "-->";
    // Each comment is read once, and the next looked for after its end: comments inside
    // comments, and the lines of one long comment, cost nothing more.
    auto next_open = [&](std::size_t from) {
        return from >= origin + markup.size() ? std::string_view::npos
                                              : markup.find(open_mark, from - origin);
    };
    for (std::size_t at = next_open(std::max(origin, read_until_)); at != std::string_view::npos;) {
        // md4c hands raw HTML over line by line: the comment's end is looked for in the file.
        const std::size_t begin = origin + at + open_mark.size();
        const std::size_t close = file_.find(close_mark, begin);
        if (close == std::string_view::npos) {
            read_until_ = file_.size();
            return;
        }
        const std::size_t end = close + close_mark.size();
        read_until_ = end;
        const std::size_t opened = at;
        at = next_open(end);
        std::vector<std::string> words = directive_words(file_.substr(begin, close - begin));
        if (words.empty()) continue;
        const std::string directive = std::move(words.front());
        words.erase(words.begin());
        std::sort(words.begin(), words.end());
        if (directive == "translint-disable") {
            open_.push_back({end, std::move(words)});
        } else if (directive == "translint-enable") {
            // Enabling closes the stretches of the rules it names, or every stretch.
            std::erase_if(open_, [&](const Open& region) {
                if (!words.empty() && region.rules != words) return false;
                closed_.push_back({region.begin, origin + opened, region.rules});
                return true;
            });
        }
    }
}

void SuppressionComments::finish(std::size_t end, Document& document) {
    for (Open& region : open_)
        closed_.push_back({region.begin, end, std::move(region.rules)});
    open_.clear();
    for (Suppression& suppression : closed_)
        document.add_suppression(std::move(suppression));
    closed_.clear();
}

} // namespace translint::formats
