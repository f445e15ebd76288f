#include "large_input_heap.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace tfq::cli {

bool prepare_heap_for_input(std::size_t input_bytes) {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kFromBytes = std::size_t{256} << 10;
  constexpr std::size_t kHeldPerInputByte = 32;  // the lint of a clause holds 15 to 30 bytes per byte
  constexpr std::size_t kMostGrowth = std::size_t{1} << 30;
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  static std::atomic<bool> prepared{false};
  if (input_bytes < kFromBytes || gettid() != getpid() || prepared.exchange(true)) return false;
  const std::size_t growth = std::min(input_bytes, kMostGrowth / kHeldPerInputByte) * kHeldPerInputByte;

  // Large vectors come from the heap too (up to glibc's highest mmap threshold), and freeing memory
  // does not hand the grown heap back to the kernel.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(growth * 2 - 1));
  // A block larger than all free memory makes malloc grow the heap by the block plus the top pad. Of the
  // new part, malloc writes only a chunk header near its start, so the rest can come as huge pages.
  mallopt(M_TOP_PAD, static_cast<int>(growth));
  const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
  // volatile: a compiler may drop a malloc whose block is only freed
  void* volatile block = std::malloc(mallinfo2().fordblks + 1);
  const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
  std::free(block);
  mallopt(M_TOP_PAD, 128 << 10);  // glibc's default again
  const std::uintptr_t first = (before + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = after & ~(kHugePage - 1);
  return last > first && madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE) == 0;
#else
  (void)input_bytes;
  return false;
#endif
}

}  // namespace tfq::cli
