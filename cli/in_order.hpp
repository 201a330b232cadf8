// Runs work items on several threads and hands the results back in item order, so that the
// output of `--jobs N` is byte-identical to `--jobs 1`.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace translint::cli {

// Calls `work(i)` for every i below `count` on `jobs` threads, and `deliver(result)` on the
// calling thread in the order of i. `work` must not throw. Workers run at most a few items ahead
// of delivery, so memory stays bounded however many items there are.
template <typename Work, typename Deliver>
void run_in_order(std::size_t count, unsigned jobs, Work work, Deliver deliver) {
    if (jobs <= 1 || count <= 1) {
        for (std::size_t i = 0; i < count; ++i)
            deliver(work(i));
        return;
    }
    using Result = decltype(work(std::size_t{}));
    std::vector<std::optional<Result>> done(count);
    std::mutex mutex;
    std::condition_variable finished, room;
    std::size_t next = 0, delivered = 0;
    const std::size_t ahead = 4 * std::size_t{jobs};

    auto worker = [&] {
        std::unique_lock lock(mutex);
        for (;;) {
            room.wait(lock, [&] { return next >= count || next < delivered + ahead; });
            if (next >= count) return;
            const std::size_t item = next++;
            lock.unlock();
            Result result = work(item);
            lock.lock();
            done[item] = std::move(result);
            finished.notify_all();
        }
    };
    std::vector<std::jthread> workers;
    for (unsigned j = 0; j < std::min<std::size_t>(jobs, count); ++j)
        workers.emplace_back(worker);
    for (std::size_t i = 0; i < count; ++i) {
        std::unique_lock lock(mutex);
        finished.wait(lock, [&] { return done[i].has_value(); });
        Result result = std::move(*done[i]);
        done[i].reset();
        delivered = i + 1;
        room.notify_all();
        lock.unlock();
        deliver(std::move(result));
    }
}

} // namespace translint::cli
