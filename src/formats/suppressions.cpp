#include "formats/suppressions.hpp"

#include <algorithm>

namespace translint::formats {
namespace {

std::vector<std::string> rule_names(std::string_view list) {
    std::vector<std::string> names;
    std::size_t at = 0;
    while (at < list.size()) {
        const std::size_t begin = list.find_first_not_of(" \t\r\n,", at);
        if (begin == std::string_view::npos) break;
        const std::size_t end = std::min(list.find_first_of(" \t\r\n,", begin), list.size());
        names.emplace_back(list.substr(begin, end - begin));
        at = end;
    }
    return names;
}

} // namespace

void SuppressionComments::read(std::string_view markup, std::size_t origin) {
    constexpr std::string_view open_mark = "<!--", close_mark = "-->";
    constexpr std::string_view disable = "translint-disable", enable = "translint-enable";
    for (std::size_t at = markup.find(open_mark); at != std::string_view::npos;
         at = markup.find(open_mark, at + open_mark.size())) {
        const std::size_t close = markup.find(close_mark, at + open_mark.size());
        if (close == std::string_view::npos) return;
        std::string_view body = markup.substr(at + open_mark.size(), close - at - open_mark.size());
        body.remove_prefix(std::min(body.find_first_not_of(" \t\r\n"), body.size()));
        const std::size_t end = origin + close + close_mark.size();
        if (body.starts_with(disable)) {
            open_.push_back({end, rule_names(body.substr(disable.size()))});
        } else if (body.starts_with(enable)) {
            const std::vector<std::string> names = rule_names(body.substr(enable.size()));
            // Enabling closes the regions of the rules it names, or every region.
            std::erase_if(open_, [&](const Open& region) {
                if (!names.empty() && region.rules != names) return false;
                closed_.push_back({region.begin, origin + at, region.rules});
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
