// FirstIndex: the rules' look-up of an AND/OR's first operand under a key, sorted when short, hashed when
// long.
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <random>

#include "optimize/ir.hpp"

using tfq::opt::FirstIndex;

namespace {

// Keys drawn from `distinct` values, added at increasing indexes as the rules add operands; every key of
// the range, present or not, must find what a map of first indexes holds.
template <typename Key>
void check_against_map(std::size_t count, std::uint64_t distinct, std::uint64_t spread,
                       std::mt19937_64& random) {
  FirstIndex<Key> index;
  std::map<Key, std::size_t> first;
  for (std::size_t i = 0; i < count; ++i) {
    const auto key = static_cast<Key>(random() % distinct * spread);
    index.add(key, i);
    first.emplace(key, i);  // keeps the first
  }
  REQUIRE(index.empty() == (count == 0));
  index.seal();
  REQUIRE(index.empty() == (count == 0));
  const auto expect = [&](Key key) {
    const auto at = first.find(key);
    INFO("count " << count << ", key " << key);
    REQUIRE(index.find(key) == (at == first.end() ? FirstIndex<Key>::none : at->second));
  };
  for (const auto& [key, at] : first) expect(key);
  // And keys that may be absent: from the same range, and just outside it.
  for (int probe = 0; probe < 100; ++probe) expect(static_cast<Key>(random() % (distinct + 1) * spread));
  expect(static_cast<Key>(distinct * spread));
}

}  // namespace

TEST_CASE("FirstIndex finds each key's first index, short lists and long ones alike",
          "[optimize][first_index]") {
  std::mt19937_64 random(7);
  // Around the switch from sorted pairs to the table (64), and far past it; few distinct keys make long
  // runs of one key, which the table must not let overwrite the first index.
  for (const std::size_t count : {0, 1, 2, 16, 17, 63, 64, 65, 200, 5000}) {
    for (const std::uint64_t distinct :
         {std::uint64_t{1}, std::uint64_t{3}, std::uint64_t{50}, std::uint64_t{100000}}) {
      check_against_map<std::uint32_t>(count, distinct, 1, random);  // field numbers: small and consecutive
      check_against_map<std::uint64_t>(count, distinct, 1u << 20, random);             // low bits all zero
      check_against_map<std::uint64_t>(count, distinct, 0x9E3779B97F4A7C15u, random);  // hash-like
    }
  }
}
