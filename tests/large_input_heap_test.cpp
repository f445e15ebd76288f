// Readying the heap for a large input: the grown heap is advised for huge pages, once, on the main thread.
#include "tools/large_input_heap.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

using tfq::cli::prepare_heap_for_input;

namespace {

// The size of this process's largest mapping that the kernel marks as advised for huge pages (VmFlags "hg").
std::size_t largest_huge_page_mapping() {
  std::ifstream smaps("/proc/self/smaps");
  std::size_t largest = 0;
  std::size_t current = 0;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t start = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream fields(line);
    if (line.rfind("VmFlags:", 0) == 0) {
      if ((line + " ").find(" hg ") != std::string::npos) largest = std::max(largest, current);
    } else if (fields >> std::hex >> start >> dash >> end && dash == '-') {
      current = end - start;
    }
  }
  return largest;
}

constexpr bool kOwnMalloc =
#if defined(__SANITIZE_ADDRESS__)
    false;  // the sanitizer's allocator replaces glibc's, which is left alone
#else
    true;
#endif

}  // namespace

TEST_CASE("the heap grows by huge pages for a large input, once and on the main thread only", "[heap]") {
  CHECK_FALSE(prepare_heap_for_input(128 << 10));  // too small to matter
  bool on_worker = true;
  std::thread([&] { on_worker = prepare_heap_for_input(4 << 20); }).join();
  CHECK_FALSE(on_worker);
  const std::size_t before = largest_huge_page_mapping();

  const bool advised = prepare_heap_for_input(4 << 20);
  CHECK(advised == kOwnMalloc);
  if (kOwnMalloc) {
    // At least 16 bytes per input byte.
    CHECK(largest_huge_page_mapping() >= (60u << 20));
    CHECK(before < (60u << 20));
  }
  CHECK_FALSE(prepare_heap_for_input(4 << 20));  // once per process
}
