// tfq_bench_empty: a C++ program that does nothing, linked to libstdc++ as tfq is (statically by default,
// see tfq_link_runtime_statically). tfq_bench times it next to tfq's start-up: what loading the C++ runtime
// costs on the machine, before tfq does anything.
#include <stdexcept>

int main(int argc, char**) {
  // A use of libstdc++ (reached only with arguments) keeps the library linked, as it is for tfq.
  if (argc > 1) throw std::invalid_argument("tfq_bench_empty takes no arguments");
  return 0;
}
