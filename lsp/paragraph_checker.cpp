#include "lsp/paragraph_checker.hpp"

namespace translint::lsp {
namespace {

struct Block {
    std::size_t begin, end;
};

bool is_blank_line(std::string_view text, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n') return false;
    return true;
}

// The blocks of text between blank lines, each with its own line terminators.
std::vector<Block> paragraphs(std::string_view text) {
    std::vector<Block> blocks;
    std::size_t block_begin = std::string_view::npos;
    for (std::size_t line = 0; line < text.size();) {
        std::size_t next = text.find('\n', line);
        next = next == std::string_view::npos ? text.size() : next + 1;
        if (is_blank_line(text, line, next)) {
            if (block_begin != std::string_view::npos) blocks.push_back({block_begin, line});
            block_begin = std::string_view::npos;
        } else if (block_begin == std::string_view::npos) {
            block_begin = line;
        }
        line = next;
    }
    if (block_begin != std::string_view::npos) blocks.push_back({block_begin, text.size()});
    return blocks;
}

} // namespace

std::vector<Diagnostic> ParagraphChecker::check(const Engine& engine, const std::string& path,
                                                const std::string& text,
                                                const std::string& language) {
    std::unordered_map<std::string, std::vector<Diagnostic>> kept;
    std::vector<Diagnostic> all;
    checked_ = 0;
    const std::vector<Block> blocks = paragraphs(text);
    count_ = blocks.size();
    for (const Block& block : blocks) {
        std::string paragraph = text.substr(block.begin, block.end - block.begin);
        auto found = kept.find(paragraph);
        if (found == kept.end()) {
            auto cached = cache_.find(paragraph);
            if (cached != cache_.end()) {
                found = kept.emplace(paragraph, std::move(cached->second)).first;
            } else {
                ++checked_;
                const Document document = Document::from_text(path, paragraph);
                found = kept.emplace(paragraph, engine.check(document, language)).first;
            }
        }
        for (Diagnostic d : found->second) {
            d.offset += block.begin;
            for (Edit& edit : d.fixes)
                edit.offset += block.begin;
            all.push_back(std::move(d));
        }
    }
    cache_ = std::move(kept); // paragraphs that are gone leave the cache
    return all;
}

} // namespace translint::lsp
