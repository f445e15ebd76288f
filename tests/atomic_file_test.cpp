// Atomic files: all or nothing, never clobbering an existing file unless asked.
#include "tfq/atomic_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/process.hpp"

using tfq::send::AtomicFile;

namespace {

std::size_t entries_in(const std::string& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

}  // namespace

TEST_CASE("an atomic file appears only when committed", "[atomic_file]") {
  const std::string dir = tfq::test::make_temp_dir();
  const std::string path = dir + "/out.csv";
  std::string error;
  auto file = AtomicFile::create(path, &error);
  REQUIRE(file);
  REQUIRE(file->write("a,b\n"));
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(std::filesystem::exists(file->temporary_path()));
  REQUIRE(file->commit(false, &error));
  CHECK(tfq::test::read_file(path) == "a,b\n");
  CHECK(entries_in(dir) == 1);
}

TEST_CASE("an abandoned atomic file leaves nothing behind", "[atomic_file]") {
  const std::string dir = tfq::test::make_temp_dir();
  {
    std::string error;
    auto file = AtomicFile::create(dir + "/out.csv", &error);
    REQUIRE(file);
    REQUIRE(file->write("partial"));
  }
  CHECK(entries_in(dir) == 0);
}

TEST_CASE("an atomic file never replaces an existing one unless asked", "[atomic_file]") {
  const std::string dir = tfq::test::make_temp_dir();
  const std::string path = dir + "/out.csv";
  tfq::test::write_file(path, "precious");
  std::string error;
  auto file = AtomicFile::create(path, &error);
  REQUIRE(file);
  REQUIRE(file->write("new"));
  CHECK_FALSE(file->commit(false, &error));
  CHECK(error == path + " already exists (--force replaces it)");
  CHECK(tfq::test::read_file(path) == "precious");
  CHECK(entries_in(dir) == 1);

  auto again = AtomicFile::create(path, &error);
  REQUIRE(again);
  REQUIRE(again->write("first try"));
  REQUIRE(again->restart());
  REQUIRE(again->write("new"));
  REQUIRE(again->commit(true, &error));
  CHECK(tfq::test::read_file(path) == "new");
}

TEST_CASE("an atomic file in a missing directory is an error, not a crash", "[atomic_file]") {
  std::string error;
  CHECK_FALSE(AtomicFile::create(tfq::test::make_temp_dir() + "/no/such/dir/out.csv", &error));
  CHECK(error.find("cannot write in") != std::string::npos);
}
