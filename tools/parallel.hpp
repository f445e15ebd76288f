// Running independent jobs on several threads while keeping their results in order.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tfq::cli {

// The number of threads to use by default: one per core.
inline unsigned default_jobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

// Calls work(i) for every i in [0, count) on up to `jobs` threads, and consume(result) on the calling
// thread in index order, each as soon as it and all before it are done. So output is the same whatever
// the number of threads, and it streams. An exception from work is rethrown here once the threads stop.
// The calling thread is one of the `jobs`: between results it takes jobs itself rather than sleep until
// one is ready, so no thread waits on another while there is work left, and on N cores N threads run.
template <class Work, class Consume>
void ordered_parallel(std::size_t count, unsigned jobs, Work work, Consume consume) {
  using Result = decltype(work(std::size_t{}));
  jobs = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, jobs), count));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < count; ++i) consume(work(i));
    return;
  }
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
    bool done = false;
  };
  std::vector<Slot> slots(count);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable ready;
  bool caller_waits = false;  // under mutex: the calling thread sleeps until the next result is done
  const auto run = [&](std::size_t i) {
    Slot local;
    try {
      local.result.emplace(work(i));
    } catch (...) {
      local.error = std::current_exception();
    }
    const std::lock_guard lock(mutex);
    slots[i].result = std::move(local.result);
    slots[i].error = local.error;
    slots[i].done = true;
    if (caller_waits) ready.notify_one();
  };
  const auto take = [&](std::size_t& i) { return !stop && (i = next++) < count; };
  std::exception_ptr failure;
  {
    std::vector<std::jthread> threads;
    for (unsigned t = 1; t < jobs; ++t) {
      threads.emplace_back([&] {
        for (std::size_t i; take(i);) run(i);
      });
    }
    for (std::size_t consumed = 0; consumed < count;) {
      std::unique_lock lock(mutex);
      if (!slots[consumed].done) {
        lock.unlock();
        if (std::size_t i; take(i)) {
          run(i);
          continue;
        }
        // Every job is taken: the ones before the next result are running on other threads.
        lock.lock();
        caller_waits = true;
        ready.wait(lock, [&] { return slots[consumed].done; });
        caller_waits = false;
      }
      Slot& slot = slots[consumed++];
      if (slot.error) {
        failure = slot.error;
        stop = true;
        break;
      }
      Result result = std::move(*slot.result);
      slot.result.reset();
      lock.unlock();
      try {
        consume(std::move(result));
      } catch (...) {
        failure = std::current_exception();
        stop = true;
        break;
      }
    }
  }  // the threads are joined here
  if (failure) std::rethrow_exception(failure);
}

}  // namespace tfq::cli
