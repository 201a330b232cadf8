#include "progress.hpp"

#include <cstdio>
#include <string>

namespace translint::cli {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto quiet_start = std::chrono::milliseconds(500);
constexpr auto redraw_every = std::chrono::milliseconds(100);
constexpr std::size_t bar_width = 30;

} // namespace

Progress::Progress(std::size_t total, bool enabled)
    : total_(total)
    , enabled_(enabled && total > 1)
    , start_(Clock::now())
    , last_draw_(start_) {}

Progress::~Progress() {
    clear();
}

void Progress::clear() {
    if (drawn_) std::fputs("\r\x1b[K", stderr);
    drawn_ = false;
}

void Progress::advance() {
    ++done_;
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - start_ < quiet_start || now - last_draw_ < redraw_every) return;
    last_draw_ = now;
    draw();
}

void Progress::draw() {
    const std::size_t filled = done_ * bar_width / total_;
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - start_).count();
    std::string bar(filled, '=');
    if (filled < bar_width) bar += '>' + std::string(bar_width - filled - 1, ' ');
    std::fprintf(stderr, "\r\x1b[K[%s] %zu/%zu files %lld:%02lld", bar.c_str(), done_, total_,
                 static_cast<long long>(seconds / 60), static_cast<long long>(seconds % 60));
    std::fflush(stderr);
    drawn_ = true;
}

} // namespace translint::cli
