// Readying the C library's heap for one large input, so that its tree is not paid for page by page.
#pragma once

#include <cstddef>

namespace tfq::cli {

// Called with an input's size before its text is allocated. From 256 KiB on, has glibc's malloc grow its
// heap at once by what the pipeline may hold for the input (32 bytes a byte, at most 1 GiB) and asks the
// kernel to back that part with huge pages: one fault per 2 MiB instead of one per 4 KiB page (the faults
// took a third of a 100k-predicate clause's lint on the virtual machine of the README's table). Does it once
// per process, on the main thread only (worker threads have heaps of their own); true when huge pages were
// asked for. Changes nothing but timing, and does nothing where malloc is not glibc's own (sanitizers,
// valgrind).
bool prepare_heap_for_input(std::size_t input_bytes);

}  // namespace tfq::cli
