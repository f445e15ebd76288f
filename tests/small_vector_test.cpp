// SmallVector: the inline-first list that holds a predicate's values and the optimizer's short lists.
#include "tfq/small_vector.hpp"

#include <catch2/catch.hpp>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

using tfq::SmallVector;

namespace {

template <typename T, std::uint32_t N>
std::vector<T> items(const SmallVector<T, N>& v) {
  return std::vector<T>(v.begin(), v.end());
}

}  // namespace

TEST_CASE("a small vector keeps its order as it grows past its inline room", "[small_vector]") {
  SmallVector<int, 1> v;
  REQUIRE(v.empty());
  std::vector<int> expected;
  for (int k = 0; k < 100; ++k) {
    v.push_back(k);
    expected.push_back(k);
    REQUIRE(items(v) == expected);
    REQUIRE(v.front() == 0);
    REQUIRE(v[static_cast<std::size_t>(k)] == k);
  }
  const int more[] = {-1, -2, -3};
  v.append(std::begin(more), std::end(more));
  expected.insert(expected.end(), std::begin(more), std::end(more));
  REQUIRE(items(v) == expected);
}

TEST_CASE("copies of a small vector are independent and moves leave the source empty", "[small_vector]") {
  for (const int count : {0, 1, 2, 7}) {
    SmallVector<int, 1> original;
    for (int k = 0; k < count; ++k) original.push_back(k * 10);
    const std::vector<int> expected = items(original);

    SmallVector<int, 1> copy(original);
    copy.push_back(99);
    REQUIRE(items(original) == expected);

    SmallVector<int, 1> assigned{5, 6, 7};
    assigned = original;
    REQUIRE(items(assigned) == expected);
    const SmallVector<int, 1>& same = assigned;
    assigned = same;  // assignment to itself keeps the elements
    REQUIRE(items(assigned) == expected);

    SmallVector<int, 1> moved(std::move(copy));
    REQUIRE(copy.empty());  // the moved-from state is specified: empty
    REQUIRE(moved.size() == expected.size() + 1);
    SmallVector<int, 1> target{1, 2, 3, 4};
    target = std::move(moved);
    REQUIRE(moved.empty());
    REQUIRE(target.size() == expected.size() + 1);
    REQUIRE(target[target.size() - 1] == 99);
    // A moved-from vector is usable again.
    moved.push_back(1);
    REQUIRE(items(moved) == std::vector<int>{1});
  }
}

TEST_CASE("a small vector views as a span", "[small_vector]") {
  const SmallVector<int, 1> v{3, 1, 4, 1, 5};
  const std::span<const int> view = v;
  REQUIRE(view.size() == 5);
  REQUIRE(view[2] == 4);
}

TEST_CASE("a small vector of one pointer takes two words", "[small_vector]") {
  // Its inline element shares its bytes with the heap pointer: the optimizer holds one per node.
  STATIC_REQUIRE(sizeof(SmallVector<const int*, 1>) == 2 * sizeof(void*));
  SmallVector<const int*, 1> v;
  const int a = 1, b = 2;
  v.push_back(&a);
  REQUIRE(*v[0] == 1);
  v.push_back(&b);  // moves to the heap, over the inline element's bytes
  REQUIRE(*v[0] == 1);
  REQUIRE(*v[1] == 2);
}

TEST_CASE("assign makes a small vector that many copies of one value, inline or not", "[small_vector]") {
  SmallVector<int, 4> v;
  v.push_back(9);
  for (const std::size_t count :
       {std::size_t{0}, std::size_t{3}, std::size_t{4}, std::size_t{40}, std::size_t{2}}) {
    v.assign(count, 7);
    REQUIRE(items(v) == std::vector<int>(count, 7));
  }
  v.push_back(8);
  REQUIRE(items(v) == std::vector<int>{7, 7, 8});
}

TEST_CASE("a small vector holds elements that have a default constructor, and compares them",
          "[small_vector]") {
  // An interval of a set is such an element: its inline room is raw bytes, written only by push_back.
  struct Pair {
    int first = -1;
    int second = -1;
    bool operator==(const Pair&) const = default;
  };
  SmallVector<Pair, 1> v, w;
  REQUIRE(v == w);
  v.push_back({1, 2});
  REQUIRE(v != w);
  w.push_back({1, 2});
  REQUIRE(v == w);
  for (int i = 0; i < 5; ++i) v.push_back({i, i});
  REQUIRE(v.size() == 6);
  REQUIRE(v != w);
  v.truncate(1);
  REQUIRE(v == w);
  v.truncate(7);  // never grows
  REQUIRE(v.size() == 1);
  SmallVector<Pair, 1> moved(std::move(v));
  REQUIRE(moved == w);
  REQUIRE(moved[0].second == 2);
}

TEST_CASE("a small vector of strings copies, moves and grows them as a vector would", "[small_vector]") {
  // A predicate's values are operands, which own strings: moved inline and on the heap alike.
  const std::string longer = "a value too long for the string's own inline room";
  for (const int count : {0, 1, 2, 9}) {
    SmallVector<std::string, 1> v;
    std::vector<std::string> expected;
    for (int k = 0; k < count; ++k) {
      v.push_back(longer + std::to_string(k));
      expected.push_back(longer + std::to_string(k));
    }
    REQUIRE(items(v) == expected);

    SmallVector<std::string, 1> copy(v);
    REQUIRE(items(copy) == expected);
    copy.emplace_back("more");
    REQUIRE(items(v) == expected);

    SmallVector<std::string, 1> moved(std::move(copy));
    REQUIRE(copy.empty());
    REQUIRE(moved.size() == expected.size() + 1);
    REQUIRE(moved.back() == "more");

    SmallVector<std::string, 1> target{"x", "y", "z"};
    target = std::move(moved);
    REQUIRE(moved.empty());
    REQUIRE(target.size() == expected.size() + 1);
    target = v;
    REQUIRE(items(target) == expected);
    target = {"only"};
    REQUIRE(items(target) == std::vector<std::string>{"only"});

    v.clear();
    REQUIRE(v.empty());
    v.assign(expected.begin(), expected.end());
    REQUIRE(items(v) == expected);
  }
}

TEST_CASE("emplace_back may copy an element of the same small vector while it grows", "[small_vector]") {
  SmallVector<std::string, 1> v;
  v.emplace_back("the first value, long enough to live on the heap");
  for (int k = 0; k < 6; ++k) v.emplace_back(v.front());  // grows at 1, 2 and 4: the source moves away
  REQUIRE(v.size() == 7);
  for (const std::string& s : v) REQUIRE(s == "the first value, long enough to live on the heap");
  v.truncate(2);
  REQUIRE(v.size() == 2);
  REQUIRE(v.at(1) == v.at(0));
  REQUIRE_THROWS_AS(v.at(2), std::out_of_range);
}
