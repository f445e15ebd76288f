// ordered_parallel: results reach the caller in index order whatever the threads do, the caller works
// too, and an exception from either side is rethrown once the threads stop.
#include "tools/parallel.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using tfq::cli::ordered_parallel;

namespace {

// Later jobs finish first more often than not, so that order has to be restored.
void pause_for(std::size_t i) {
  std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 50));
}

}  // namespace

TEST_CASE("ordered_parallel hands results on in index order for any number of jobs", "[parallel]") {
  for (const unsigned jobs : {1u, 2u, 3u, 8u}) {
    INFO("jobs " << jobs);
    std::vector<std::size_t> seen;
    ordered_parallel(
        200, jobs,
        [](std::size_t i) {
          pause_for(i);
          return i * i;
        },
        [&](std::size_t square) { seen.push_back(square); });
    REQUIRE(seen.size() == 200);
    for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i * i);
  }
  std::size_t calls = 0;
  ordered_parallel(
      0, 4, [](std::size_t i) { return i; }, [&](std::size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("ordered_parallel runs jobs on the calling thread as well", "[parallel]") {
  const std::thread::id caller = std::this_thread::get_id();
  std::set<std::thread::id> workers;
  std::mutex mutex;
  ordered_parallel(
      100, 2,
      [&](std::size_t i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const std::lock_guard lock(mutex);
        workers.insert(std::this_thread::get_id());
        return i;
      },
      [](std::size_t) {});
  CHECK(workers.size() == 2);
  CHECK(workers.count(caller) == 1);
}

TEST_CASE("ordered_parallel rethrows a job's exception after handing on the results before it",
          "[parallel]") {
  for (const unsigned jobs : {1u, 2u, 4u}) {
    INFO("jobs " << jobs);
    std::vector<std::size_t> seen;
    const auto run = [&] {
      ordered_parallel(
          100, jobs,
          [](std::size_t i) {
            pause_for(i);
            if (i == 40) throw std::runtime_error("job 40");
            return i;
          },
          [&](std::size_t i) { seen.push_back(i); });
    };
    CHECK_THROWS_WITH(run(), "job 40");
    REQUIRE(seen.size() == 40);
    for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
  }
}

TEST_CASE("ordered_parallel stops taking jobs when consuming a result throws", "[parallel]") {
  std::atomic<std::size_t> started{0};
  const auto run = [&] {
    ordered_parallel(
        1000, 2,
        [&](std::size_t i) {
          ++started;
          std::this_thread::sleep_for(std::chrono::microseconds(200));  // all of them: 0.2 s a thread
          return i;
        },
        [](std::size_t i) {
          if (i == 3) throw std::runtime_error("consume 3");
        });
  };
  CHECK_THROWS_WITH(run(), "consume 3");
  CHECK(started < 1000);
}
