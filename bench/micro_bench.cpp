// Micro-benchmarks of the stages a check goes through, on the sample article repeated to 1 MB.
// Build with -DTRANSLINT_BENCHMARKS=ON; compare stages with each other, not across machines.
#include "text/segmenter.hpp"
#include "translint/engine.hpp"
#include "translint/io.hpp"

#include <benchmark/benchmark.h>

namespace {

const std::string& corpus() {
    static const std::string text = [] {
        const std::string article =
            translint::read_file(TRANSLINT_SOURCE_DIR "/examples/article.it.txt");
        std::string out;
        while (out.size() < (1 << 20))
            out += article;
        return out;
    }();
    return text;
}

void bytes_processed(benchmark::State& state) {
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().size()));
}

void WordSegmentation(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(translint::text::words(corpus()));
    bytes_processed(state);
}
BENCHMARK(WordSegmentation)->Unit(benchmark::kMillisecond);

void SentenceSegmentation(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(translint::text::sentences(corpus()));
    bytes_processed(state);
}
BENCHMARK(SentenceSegmentation)->Unit(benchmark::kMillisecond);

void CheckWithDefaultRules(benchmark::State& state) {
    const translint::Engine engine{translint::Config{}};
    const translint::Document document = translint::Document::from_text("bench.txt", corpus());
    engine.check(document, "it"); // loads the dictionaries and fills the memo outside the timing
    for (auto _ : state)
        benchmark::DoNotOptimize(engine.check(document, "it"));
    bytes_processed(state);
}
BENCHMARK(CheckWithDefaultRules)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
