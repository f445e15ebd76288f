// Atomic files: all or nothing, never clobbering an existing file unless asked.
#include "tfq/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
  CHECK(error == "'" + path + "' already exists (--force replaces it)");
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
  CHECK(error.starts_with("cannot write in '"));
}

TEST_CASE("an atomic file replaces what a symbolic link points to and keeps the link", "[atomic_file]") {
  namespace fs = std::filesystem;
  const std::string dir = tfq::test::make_temp_dir();
  fs::create_directory(dir + "/shared");
  tfq::test::write_file(dir + "/shared/out.json", "old");
  fs::create_symlink("shared/out.json", dir + "/link.json");
  fs::create_symlink("link.json", dir + "/link-to-link.json");
  fs::create_symlink("shared/new.json", dir + "/dangling.json");
  std::string error;
  for (const std::string name : {"link.json", "link-to-link.json", "dangling.json"}) {
    auto file = AtomicFile::create(dir + "/" + name, &error);
    REQUIRE(file);
    REQUIRE(file->write("new " + name));
    REQUIRE(file->commit(true, &error));
    CHECK(fs::is_symlink(dir + "/" + name));
  }
  CHECK(tfq::test::read_file(dir + "/shared/out.json") == "new link-to-link.json");
  CHECK(tfq::test::read_file(dir + "/shared/new.json") == "new dangling.json");
  CHECK(entries_in(dir + "/shared") == 2);
  CHECK(entries_in(dir) == 4);

  // Without overwrite, the file behind the link counts as existing.
  auto refused = AtomicFile::create(dir + "/link.json", &error);
  REQUIRE(refused);
  REQUIRE(refused->write("newer"));
  CHECK_FALSE(refused->commit(false, &error));
  CHECK(error == "'" + dir + "/link.json' already exists (--force replaces it)");

  fs::create_symlink("loop.json", dir + "/loop.json");
  CHECK_FALSE(AtomicFile::create(dir + "/loop.json", &error));
  CHECK(error == "cannot write '" + dir + "/loop.json': Too many levels of symbolic links");
}

TEST_CASE("an atomic file keeps the permissions of the file it replaces", "[atomic_file]") {
  const std::string dir = tfq::test::make_temp_dir();
  const std::string path = dir + "/query.tfq";
  tfq::test::write_file(path, "old");
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  std::string error;
  auto file = AtomicFile::create(path, &error);
  REQUIRE(file);
  REQUIRE(file->write("new"));
  REQUIRE(file->commit(true, &error));
  struct stat replaced {};
  REQUIRE(::stat(path.c_str(), &replaced) == 0);
  CHECK((replaced.st_mode & 07777) == 0640);
}

TEST_CASE("an atomic file writes a pipe in place and never removes it", "[atomic_file]") {
  const std::string dir = tfq::test::make_temp_dir();
  const std::string fifo = dir + "/fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // so that opening to write does not block
  REQUIRE(reader >= 0);
  std::string error;
  {
    auto file = AtomicFile::create(fifo, &error);
    REQUIRE(file);
    CHECK(file->in_place());
    REQUIRE(file->write("through"));
    REQUIRE(file->commit(true, &error));
  }
  {
    auto abandoned = AtomicFile::create(fifo, &error);
    REQUIRE(abandoned);
    REQUIRE(abandoned->write(" the pipe"));
  }
  char buffer[64] = {};
  CHECK(std::string(buffer, static_cast<std::size_t>(::read(reader, buffer, sizeof buffer))) ==
        "through the pipe");
  ::close(reader);
  struct stat after {};
  REQUIRE(::lstat(fifo.c_str(), &after) == 0);
  CHECK(S_ISFIFO(after.st_mode));
  CHECK(entries_in(dir) == 1);
}

TEST_CASE("an atomic file named /dev/fd/N writes to that open descriptor", "[atomic_file]") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  std::string error;
  auto file = AtomicFile::create("/dev/fd/" + std::to_string(ends[1]), &error);
  REQUIRE(file);
  REQUIRE(file->write("body"));
  REQUIRE(file->commit(true, &error));
  ::close(ends[1]);  // the file closed its own duplicate: this was the last writer
  char buffer[16] = {};
  CHECK(std::string(buffer, static_cast<std::size_t>(::read(ends[0], buffer, sizeof buffer))) == "body");
  ::close(ends[0]);

  CHECK_FALSE(AtomicFile::create("/dev/fd/987654", &error));
  CHECK(error == "cannot write '/dev/fd/987654': Bad file descriptor");
}
