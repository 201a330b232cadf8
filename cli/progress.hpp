// A progress bar on stderr for long runs in a terminal; silent otherwise.
#pragma once

#include <chrono>
#include <cstddef>

namespace translint::cli {

class Progress {
public:
    // Draws only when `enabled` (stderr is a terminal) and the run has taken longer than a
    // moment, so short runs and logs stay clean.
    Progress(std::size_t total, bool enabled);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void advance();
    // Wipes the bar so that a message can take its line; the next advance() draws it again.
    void clear();

private:
    void draw();

    std::size_t total_;
    std::size_t done_ = 0;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

} // namespace translint::cli
