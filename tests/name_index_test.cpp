// NameIndex: the hash index the catalog and the optimizer find fields with.
#include "tfq/name_index.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

using tfq::NameIndex;

TEST_CASE("a name index finds every indexed name, also after it grew, and nothing else", "[name_index]") {
  std::vector<std::string> names;
  NameIndex index;
  auto name_at = [&](std::uint32_t i) -> std::string_view { return names[i]; };
  CHECK(index.find("anything", name_at) == NameIndex::npos);
  for (std::uint32_t i = 0; i < 1000; ++i) {
    names.push_back("field" + std::to_string(i * 7919 % 1000));
    index.add(i, name_at);
  }
  for (std::uint32_t i = 0; i < names.size(); ++i) CHECK(index.find(names[i], name_at) == i);
  CHECK(index.find("field1000", name_at) == NameIndex::npos);
  CHECK(index.find("", name_at) == NameIndex::npos);
  CHECK(index.find("field", name_at) == NameIndex::npos);
}

TEST_CASE("a name indexed twice keeps its first position, and clear forgets everything", "[name_index]") {
  const std::vector<std::string> names = {"usageDate", "userName", "usageDate"};
  auto name_at = [&](std::uint32_t i) -> std::string_view { return names[i]; };
  NameIndex index;
  for (std::uint32_t i = 0; i < names.size(); ++i) index.add(i, name_at);
  CHECK(index.find("usageDate", name_at) == 0);
  CHECK(index.find("userName", name_at) == 1);
  CHECK(index.find("UsageDate", name_at) == NameIndex::npos);  // exact, case-sensitive
  index.clear();
  CHECK(index.find("userName", name_at) == NameIndex::npos);
}

TEST_CASE("names that agree on length, start and end share a probe sequence and are still told apart",
          "[name_index]") {
  std::vector<std::string> names;
  for (int i = 0; i < 300; ++i) names.push_back("customFi" + std::to_string(1000 + i) + "ldNumber");
  names.push_back("");
  names.push_back("a");
  names.push_back("abcdefg");
  auto name_at = [&](std::uint32_t i) -> std::string_view { return names[i]; };
  NameIndex index;
  for (std::uint32_t i = 0; i < names.size(); ++i) index.add(i, name_at);
  for (std::uint32_t i = 0; i < names.size(); ++i) CHECK(index.find(names[i], name_at) == i);
  CHECK(index.find("customFi9999ldNumber", name_at) == NameIndex::npos);
  CHECK(index.find("abcdefh", name_at) == NameIndex::npos);
}
