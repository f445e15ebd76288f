// The submit journal and its body hashes: lines written whole, read back tolerantly, accepted bodies found.
#include "tfq/journal.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "support/process.hpp"

using namespace tfq::send;

TEST_CASE("sha256 matches the FIPS 180-4 test vectors", "[journal]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1'000'000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Lengths around the padding boundary (55, 56, 64 bytes) each give a distinct, well-formed digest.
  CHECK(sha256_hex(std::string(55, 'x')) != sha256_hex(std::string(56, 'x')));
  CHECK(sha256_hex(std::string(64, 'x')).size() == 64);
}

TEST_CASE("journal entries are appended as one JSON line each and read back", "[journal]") {
  const std::string path = tfq::test::make_temp_dir() + "/journal.jsonl";
  {
    std::string error;
    auto journal = Journal::open(path, &error);
    REQUIRE(journal);
    JournalEntry entry{"2024-01-01T00:00:00.000Z", "a.tfq", "a", "123",      "export",
                       sha256_hex("{}"),           1,       503, "retrying", ""};
    REQUIRE(journal->append(entry, &error));
    entry.attempt = 2;
    entry.http_status = 200;
    entry.outcome = "accepted";
    entry.request_key = "2024-01-01T00:00:00#k";
    REQUIRE(journal->append(entry, &error));
  }
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 077) == 0);
  const std::string text = tfq::test::read_file(path);
  CHECK(std::count(text.begin(), text.end(), '\n') == 2);
  CHECK(text.find(R"("outcome":"accepted","requestKey":"2024-01-01T00:00:00#k")") != std::string::npos);

  tfq::test::write_file(path, text + "{\"time\":\"cut sho");  // a crash mid-line
  std::size_t skipped = 0;
  std::string error;
  const auto history = read_journal(path, &error, &skipped);
  REQUIRE(history);
  CHECK(skipped == 1);
  CHECK(history->entries.size() == 2);
  const auto found = history->find("123", "export", sha256_hex("{}"));
  REQUIRE(found);
  CHECK(found->outcome == "accepted");
  CHECK(found->request_key == "2024-01-01T00:00:00#k");
  CHECK(found->line == 2);
  CHECK_FALSE(history->find("124", "export", sha256_hex("{}")));
  CHECK_FALSE(history->find("123", "query", sha256_hex("{}")));
}

TEST_CASE("a journal that only shows an unknown outcome reports it", "[journal]") {
  const std::string path = tfq::test::make_temp_dir() + "/journal.jsonl";
  JournalEntry entry{"t", "a.tfq", "a", "1", "export", "h", 1, 0, "unknown", ""};
  tfq::test::write_file(path, to_json_line(entry));
  const auto history = read_journal(path, nullptr);
  REQUIRE(history);
  const auto found = history->find("1", "export", "h");
  REQUIRE(found);
  CHECK(found->outcome == "unknown");
}

TEST_CASE("a missing journal is an empty history", "[journal]") {
  const auto history = read_journal(tfq::test::make_temp_dir() + "/none.jsonl", nullptr);
  REQUIRE(history);
  CHECK(history->entries.empty());
}

TEST_CASE(
    "a journal ending in a sending line means the request may exist, and one ending in a failure that it "
    "does not",
    "[journal]") {
  const std::string path = tfq::test::make_temp_dir() + "/journal.jsonl";
  JournalEntry sending{"t", "a.tfq", "a", "1", "export", "h", 1, 0, "sending", ""};
  JournalEntry failed = sending;
  failed.outcome = "failed";
  tfq::test::write_file(path, to_json_line(sending));
  auto found = read_journal(path, nullptr)->find("1", "export", "h");
  REQUIRE(found);
  CHECK(found->outcome == "unknown");
  CHECK(found->line == 1);
  tfq::test::write_file(path, to_json_line(sending) + to_json_line(failed));
  CHECK_FALSE(read_journal(path, nullptr)->find("1", "export", "h"));
}
