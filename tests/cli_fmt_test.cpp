// tfq fmt with the real binary: printing, --check and --write (atomic, and only when something changes), of
// query files and .where files.
#include <catch2/catch.hpp>
#include <filesystem>

#include "support/process.hpp"

using tfq::test::read_file;
using tfq::test::run_tfq;
using tfq::test::write_file;

namespace {

const std::string kMessy = "select userName,tokensConsumed from DESKTOP_PRODUCT where contractYear=1 -- y1\n";
const std::string kTidy =
    "SELECT userName, tokensConsumed\n"
    "FROM DESKTOP_PRODUCT\n"
    "WHERE contractYear = 1; -- y1\n";

}  // namespace

TEST_CASE("tfq fmt prints a query file in canonical layout", "[cli][fmt]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/q.tfq", kMessy);
  const auto result = run_tfq({"fmt", dir + "/q.tfq"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == kTidy);
  CHECK(read_file(dir + "/q.tfq") == kMessy);
  const auto stdin_result =
      run_tfq({"fmt", "-"}, {.stdin_text = kMessy, .working_directory = {}, .env = {}, .unset_env = {}});
  CHECK(stdin_result.out == kTidy);
}

TEST_CASE("tfq fmt --check exits 1 for a file that is not formatted and writes nothing", "[cli][fmt]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/messy.tfq", kMessy);
  write_file(dir + "/tidy.tfq", kTidy);
  const auto messy = run_tfq({"fmt", "--check", dir + "/messy.tfq"});
  CHECK(messy.exit_code == 1);
  CHECK(messy.out.empty());
  CHECK(messy.err.find("messy.tfq: not in canonical layout") != std::string::npos);
  CHECK(run_tfq({"fmt", "--check", dir + "/tidy.tfq"}).exit_code == 0);
  CHECK(run_tfq({"fmt", "--check", dir}).exit_code == 1);  // a directory: every .tfq below
  CHECK(read_file(dir + "/messy.tfq") == kMessy);
}

TEST_CASE("tfq fmt --write rewrites a file in place and leaves a formatted one alone", "[cli][fmt]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/q.tfq", kMessy);
  CHECK(run_tfq({"fmt", "--write", dir + "/q.tfq"}).exit_code == 0);
  CHECK(read_file(dir + "/q.tfq") == kTidy);
  const auto modified = std::filesystem::last_write_time(dir + "/q.tfq");
  CHECK(run_tfq({"fmt", "--write", dir + "/q.tfq"}).exit_code == 0);
  CHECK(std::filesystem::last_write_time(dir + "/q.tfq") == modified);
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);
}

TEST_CASE("tfq fmt refuses a file with a syntax error and leaves it as it is", "[cli][fmt]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/bad.tfq", "SELECT FROM X");
  const auto result = run_tfq({"fmt", "--write", dir + "/bad.tfq"});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("bad.tfq:1:8: error[TFQ460]: expected a field or metric name after SELECT") !=
        std::string::npos);
  CHECK(read_file(dir + "/bad.tfq") == "SELECT FROM X");
  CHECK(run_tfq({"fmt", "--check", "--write", dir + "/bad.tfq"}).exit_code == 2);
}

TEST_CASE("tfq fmt leaves a file alone when the layout would change what a tfq-ignore hides", "[cli][fmt]") {
  const std::string dir = tfq::test::make_temp_dir();
  const std::string clause = "-- tfq-ignore: TFQ215\ncontractYear = 2018 AND userName IN ('a', 'a')\n";
  write_file(dir + "/q.where", clause);
  CHECK(run_tfq({"lint", "--warnings-as-errors", dir + "/q.where"}).exit_code == 0);
  const auto result = run_tfq({"fmt", "--write", dir + "/q.where"});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("q.where:1:1: error[TFQ711]") != std::string::npos);
  CHECK(read_file(dir + "/q.where") == clause);
  // Laid out as the help says, the file formats, and lint still hides the finding.
  write_file(dir + "/q.where", "contractYear = 2018\n-- tfq-ignore: TFQ215\nAND userName IN ('a', 'a')\n");
  CHECK(run_tfq({"fmt", "--write", dir + "/q.where"}).exit_code == 0);
  CHECK(read_file(dir + "/q.where") ==
        "contractYear = 2018\n-- tfq-ignore: TFQ215\n  AND userName IN ('a', 'a')\n");
  CHECK(run_tfq({"lint", "--warnings-as-errors", dir + "/q.where"}).exit_code == 0);
}

TEST_CASE("tfq fmt reads stdin as a query file, or as a where clause when --stdin-name says .where",
          "[cli][fmt]") {
  tfq::test::ProcessOptions piped;
  piped.stdin_text = "userName = 'a' and contractYear = 1\n";
  const auto as_query = run_tfq({"fmt", "-"}, piped);
  CHECK(as_query.exit_code == 1);
  CHECK(as_query.err.starts_with("<stdin>:1:1: error[TFQ460]"));
  const auto as_clause = run_tfq({"fmt", "-", "--stdin-name", "q.where"}, piped);
  CHECK(as_clause.exit_code == 0);
  CHECK(as_clause.out == "userName = 'a'\n  AND contractYear = 1\n");
  CHECK(run_tfq({"fmt", "--write", "-", "--stdin-name", "q.where"}, piped).exit_code == 2);
}

TEST_CASE("tfq fmt lays out .where files as where clauses, named or found below a directory", "[cli][fmt]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/admins.where",
             "-- the admins\nuserName LIKE 'admin%' and contractYear>1 -- after year 1\n");
  const std::string tidy = "-- the admins\nuserName LIKE 'admin%'\n  AND contractYear > 1 -- after year 1\n";
  const auto printed = run_tfq({"fmt", dir + "/admins.where"});
  CHECK(printed.exit_code == 0);
  CHECK(printed.out == tidy);
  write_file(dir + "/q.tfq", kTidy);
  const auto checked = run_tfq({"fmt", "--check", dir});
  CHECK(checked.exit_code == 1);
  CHECK(checked.err == dir + "/admins.where: not in canonical layout (run tfq fmt --write)\n");
  CHECK(run_tfq({"fmt", "--write", dir}).exit_code == 0);
  CHECK(read_file(dir + "/admins.where") == tidy);
  CHECK(read_file(dir + "/q.tfq") == kTidy);
  CHECK(run_tfq({"fmt", "--check", dir}).exit_code == 0);
  // A .where file with an error is reported at its place and left alone.
  write_file(dir + "/bad.where", "contractYear = ");
  const auto bad = run_tfq({"fmt", "--write", dir + "/bad.where"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("bad.where:1:15: error[TFQ105]") != std::string::npos);
  CHECK(read_file(dir + "/bad.where") == "contractYear = ");
}
