#include "translint/engine.hpp"

#include "core/embedded.hpp"
#include "names/gazetteer.hpp"
#include "rules/examples.hpp"
#include "rules/registry.hpp"
#include "rules/rule_loader.hpp"
#include "rules/term_base.hpp"
#include "spell/hunspell_backend.hpp"
#include "spell/word_list.hpp"
#include "translint/error.hpp"
#include "translint/io.hpp"

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <set>

namespace translint {
namespace {

// Below this many bytes a segment is checked on one thread: starting threads would cost more.
constexpr std::size_t parallel_threshold = 1 << 16;

struct RuleFile {
    std::string path;
    std::string text;
    std::string language;
};

// The built-in packs and the config's rule paths (files, or directories walked for *.yaml).
std::vector<RuleFile> collect_rule_files(const Config& config) {
    std::vector<RuleFile> files;
    for (const EmbeddedFile& file : embedded_files()) {
        const std::string path = file.path;
        if (path.starts_with("rules/") && path.ends_with(".yaml"))
            files.push_back({path, std::string(file.bytes), language_of_rule_path(path)});
    }
    for (const std::string& root : config.rule_paths) {
        std::error_code error;
        std::vector<std::filesystem::path> found;
        if (std::filesystem::is_directory(root, error)) {
            for (auto it = std::filesystem::recursive_directory_iterator(root, error);
                 !error && it != std::filesystem::recursive_directory_iterator();
                 it.increment(error))
                if (it->is_regular_file() && it->path().extension() == ".yaml")
                    found.push_back(it->path());
            if (error) throw Error(root + ": cannot walk rule directory: " + error.message());
            std::sort(found.begin(), found.end());
        } else {
            found.push_back(root);
        }
        for (const auto& path : found)
            files.push_back({path.string(), read_file(path), language_of_rule_path(path.string())});
    }
    return files;
}

} // namespace

struct Engine::Impl : RuleResources {
    Config config;
    std::vector<RuleFile> rule_files;
    std::vector<std::string> project_word_list;
    std::mutex mutex; // guards the rules below
    // Dictionaries and the gazetteer load once, each on the first thread that asks; rules are
    // built side by side, so the others wait for the same load instead of starting their own.
    std::mutex resources_mutex;
    std::map<std::string, std::shared_future<std::shared_ptr<spell::Dictionary>>> dictionaries;
    std::shared_future<std::shared_ptr<names::Gazetteer>> names;
    std::shared_future<std::shared_ptr<terms::TermBase>> term_bases;

    template <typename T, typename Load>
    static T& load_once(std::mutex& guard, std::shared_future<std::shared_ptr<T>>& slot,
                        Load load) {
        std::unique_lock lock(guard);
        if (slot.valid()) {
            const auto ready = slot;
            lock.unlock();
            return *ready.get();
        }
        std::promise<std::shared_ptr<T>> promise;
        slot = promise.get_future().share();
        const auto ready = slot;
        lock.unlock();
        try {
            promise.set_value(load());
        } catch (...) {
            promise.set_exception(std::current_exception());
        }
        return *ready.get();
    }
    // A rule is parsed for every language it serves, and built (dictionaries, gazetteer, patterns)
    // only when something runs it: a disabled rule costs nothing.
    struct Slot {
        RuleSpec spec;
        std::unique_ptr<Rule> rule;
    };
    // Slots stay where they are built: YAML::Node assignment writes through to the shared node,
    // so a RuleSpec must never be move-assigned (as sorting a vector of them would).
    std::map<std::string, std::vector<std::unique_ptr<Slot>>> rules_by_language;

    // The caller holds `mutex`; a slot is built by one thread at a time.
    const Rule& instance(Slot& slot) {
        if (!slot.rule) slot.rule = find_rule_kind(slot.spec.kind)->make(slot.spec, *this);
        return *slot.rule;
    }

    spell::Dictionary& dictionary(const std::string& name) override {
        std::shared_future<std::shared_ptr<spell::Dictionary>>* slot;
        {
            std::lock_guard lock(resources_mutex);
            slot = &dictionaries[name]; // std::map keeps its elements in place
        }
        return load_once(resources_mutex, *slot, [&] {
            return std::shared_ptr<spell::Dictionary>(
                spell::Dictionary::load(name, config.dictionary_paths));
        });
    }

    std::vector<std::string> word_list(const std::string& path) override {
        for (const EmbeddedFile& file : embedded_files())
            if (path == file.path) return spell::parse_word_list(path, file.bytes);
        return spell::parse_word_list(path, read_file(path));
    }

    const std::vector<std::string>& project_words() override { return project_word_list; }

    const terms::TermBase& glossary() override {
        return load_once(resources_mutex, term_bases, [&] {
            auto merged = std::make_shared<terms::TermBase>();
            std::set<std::string> read;
            for (const std::string& path : config.glossaries) {
                if (!read.insert(path).second) continue;
                terms::TermBase base = terms::parse_term_base(path, read_file(path));
                std::move(base.concepts.begin(), base.concepts.end(),
                          std::back_inserter(merged->concepts));
            }
            return merged;
        });
    }

    const names::Gazetteer& gazetteer() override {
        return load_once(resources_mutex, names, [&] {
            auto gazetteer = std::make_shared<names::Gazetteer>();
            for (const EmbeddedFile& file : embedded_files()) {
                const std::string path = file.path;
                if (path.starts_with("dictionaries/names/") && path.ends_with(".tsv"))
                    gazetteer->add_file(path, file.bytes);
            }
            for (const std::string& path : config.gazetteers)
                gazetteer->add_file(path, read_file(path));
            for (const std::string& name : config.name_dictionaries)
                gazetteer->add_dictionary_names(
                    spell::Dictionary::capitalised_words(name, config.dictionary_paths));
            // The shipped names' readings through ICU, made at build time
            // (generated/read-back.tsv).
            std::optional<names::ReadBackTable> table;
            for (const EmbeddedFile& file : embedded_files())
                if (std::string_view(file.path) == "generated/read-back.tsv")
                    table.emplace(file.bytes);
            gazetteer->build(table ? &*table : nullptr);
            return gazetteer;
        });
    }

    std::set<std::string> known_languages() const {
        std::set<std::string> languages;
        for (const RuleFile& file : rule_files)
            if (!file.language.empty()) languages.insert(file.language);
        return languages;
    }

    // Parses every rule of the language once, enabled or not; the caller holds `mutex`.
    std::vector<std::unique_ptr<Slot>>& rules_for(const std::string& language) {
        if (auto it = rules_by_language.find(language); it != rules_by_language.end())
            return it->second;
        const auto languages = known_languages();
        if (!languages.count(language)) {
            std::string known;
            for (const std::string& l : languages)
                known += (known.empty() ? "" : ", ") + l;
            throw Error("unknown language '" + language + "' (rule packs exist for: " + known +
                        ")");
        }
        std::vector<std::unique_ptr<Slot>> rules;
        std::set<std::string> ids;
        for (const RuleFile& file : rule_files) {
            if (!file.language.empty() && file.language != language) continue;
            for (RuleSpec& spec : parse_rule_file(file.path, file.text, file.language)) {
                if (!spec.language.empty() && spec.language != language) continue;
                if (!ids.insert(spec.id).second)
                    throw error_at(spec.file, spec.line, "duplicate rule id '" + spec.id + "'");
                if (auto level = config.severity.find(spec.id); level != config.severity.end())
                    spec.severity = level->second;
                rules.push_back(std::make_unique<Slot>(Slot{std::move(spec), nullptr}));
            }
        }
        std::sort(rules.begin(), rules.end(),
                  [](const auto& a, const auto& b) { return a->spec.id < b->spec.id; });
        return rules_by_language.emplace(language, std::move(rules)).first->second;
    }

    std::vector<const Rule*> enabled_rules(const std::string& language) {
        std::lock_guard lock(mutex);
        std::vector<const Rule*> enabled;
        std::vector<Slot*> slots;
        for (auto& slot : rules_for(language))
            if (config.enabled(slot->spec.id, slot->spec.enabled_by_default))
                slots.push_back(slot.get());
        // Building a rule may load a dictionary or the gazetteer: build them side by side.
        std::vector<std::future<void>> building;
        for (Slot* slot : slots)
            if (!slot->rule)
                building.push_back(
                    std::async(std::launch::async, [this, slot] { instance(*slot); }));
        for (std::future<void>& task : building)
            task.get(); // the first error, in rule order
        for (Slot* slot : slots)
            enabled.push_back(slot->rule.get());
        return enabled;
    }
};

Engine::Engine(Config config)
    : impl_(std::make_unique<Impl>()) {
    if (config.dictionary_paths.empty()) config.dictionary_paths = default_dictionary_paths();
    for (const std::string& path : config.word_lists) {
        auto words = spell::parse_word_list(path, read_file(path));
        impl_->project_word_list.insert(impl_->project_word_list.end(), words.begin(), words.end());
    }
    impl_->rule_files = collect_rule_files(config);
    impl_->config = std::move(config);
}

Engine::~Engine() = default;

std::vector<Diagnostic> Engine::check(const Document& document, const std::string& language) const {
    const std::vector<const Rule*> rules = impl_->enabled_rules(language);
    std::vector<Diagnostic> diagnostics;
    std::vector<const Rule*> origin;
    for (const Segment& segment : document.segments()) {
        const SegmentContext context(segment, language, document.source_language());
        // Rules are independent and const: on a long segment they run side by side, and their
        // findings are gathered in rule order, so the output does not depend on timing.
        std::vector<std::vector<Diagnostic>> found(rules.size());
        std::vector<std::future<void>> running;
        const bool side_by_side = segment.text.size() >= parallel_threshold && rules.size() > 1;
        for (std::size_t r = side_by_side ? 1 : 0; r < rules.size() && side_by_side; ++r)
            running.push_back(
                std::async(std::launch::async, [&, r] { rules[r]->check(context, found[r]); }));
        for (std::size_t r = 0; r < (side_by_side ? 1 : rules.size()); ++r)
            rules[r]->check(context, found[r]);
        for (std::future<void>& task : running)
            task.get(); // rethrows a rule's error
        for (std::size_t r = 0; r < rules.size(); ++r) {
            // Suppressed findings go before their suggestions are computed.
            std::erase_if(found[r], [&](const Diagnostic& d) {
                return document.suppressed(d.offset, d.rule, to_string(d.category));
            });
            origin.insert(origin.end(), found[r].size(), rules[r]);
            diagnostics.insert(diagnostics.end(), std::make_move_iterator(found[r].begin()),
                               std::make_move_iterator(found[r].end()));
        }
    }
    std::set<std::pair<const Rule*, std::string_view>> completed;
    SuggestionBudget budget;
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        Diagnostic& d = diagnostics[i];
        const std::string_view flagged =
            std::string_view(document.bytes()).substr(d.offset, d.length);
        if (completed.size() < impl_->config.suggestion_limit ||
            completed.count({origin[i], flagged})) {
            completed.insert({origin[i], flagged});
            origin[i]->complete(d, flagged, budget);
        }
    }
    std::stable_sort(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return std::tie(a.offset, a.length, a.rule) < std::tie(b.offset, b.length, b.rule);
        });
    return diagnostics;
}

std::vector<RuleInfo> Engine::rules(const std::string& language) const {
    std::lock_guard lock(impl_->mutex);
    std::vector<RuleInfo> infos;
    for (const auto& slot : impl_->rules_for(language)) {
        const RuleSpec& spec = slot->spec;
        infos.push_back({spec.id, spec.kind, spec.category, spec.severity, spec.language,
                         spec.message, spec.description,
                         impl_->config.enabled(spec.id, spec.enabled_by_default),
                         spec.examples.size(), spec.file});
    }
    return infos;
}

std::vector<std::string> Engine::languages() const {
    const auto languages = impl_->known_languages();
    return {languages.begin(), languages.end()};
}

std::vector<ExampleResult> Engine::test_examples(const std::vector<std::string>& languages) const {
    std::vector<ExampleResult> results;
    std::set<std::string> tested; // common rules come with every language; test them once
    for (const std::string& language : languages.empty() ? this->languages() : languages) {
        std::lock_guard lock(impl_->mutex);
        for (auto& slot : impl_->rules_for(language)) {
            if (!tested.insert(slot->spec.id).second) continue;
            for (ExampleResult& result : run_examples(impl_->instance(*slot)))
                results.push_back(std::move(result));
        }
    }
    return results;
}

} // namespace translint
