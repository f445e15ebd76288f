// `tfq lint --fix` and `--diff` end to end: files fixed as their golden files, lint clean afterwards, the
// same rows selected before and after (by the compiler and by the reference evaluator), the diff, and
// all-or-nothing writes. Inputs and goldens: tests/data/fix/<name> and <name>.fixed, expected.diff.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "support/evaluator.hpp"
#include "support/process.hpp"
#include "support/random_clause.hpp"
#include "tfq/compile.hpp"
#include "tfq/parse.hpp"
#include "tfq/print.hpp"

namespace fs = std::filesystem;
using tfq::test::make_temp_dir;
using tfq::test::ProcessOptions;
using tfq::test::read_file;
using tfq::test::run_tfq;
using tfq::test::write_file;

namespace {

const std::string kFixData = std::string(TFQ_TEST_DATA) + "/fix";
const std::vector<std::string> kCases = {"spelling.where", "meaning.where", "request.tfq", "body.json"};

ProcessOptions in_directory(const std::string& dir, const std::string& stdin_text = "") {
  ProcessOptions options;
  options.working_directory = dir;
  options.stdin_text = stdin_text;
  return options;
}

// A fresh directory with a copy of every case.
std::string copy_cases() {
  const std::string dir = fs::canonical(make_temp_dir()).string();
  for (const std::string& name : kCases) fs::copy_file(kFixData + "/" + name, dir + "/" + name);
  return dir;
}

std::vector<std::string> lint_args(std::vector<std::string> flags) {
  std::vector<std::string> args = {"lint"};
  args.insert(args.end(), flags.begin(), flags.end());
  args.insert(args.end(), kCases.begin(), kCases.end());
  return args;
}

void check_golden(const std::string& path, const std::string& actual) {
  if (std::getenv("TFQ_UPDATE_GOLDEN") != nullptr) write_file(path, actual);
  INFO("golden file " << path);
  CHECK(read_file(path) == actual);
}

std::vector<std::string> leftovers(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".tmp-") != std::string::npos) names.push_back(name);
  }
  return names;
}

tfq::Expr parse(const std::string& text) {
  const tfq::Source source("q.where", text);
  auto parsed = tfq::parse_where(source);
  REQUIRE(parsed.expr);
  return std::move(*parsed.expr);
}

}  // namespace

TEST_CASE("lint --fix rewrites files as their golden files, and lint is clean afterwards", "[cli][fix]") {
  const std::string dir = copy_cases();
  const auto fixed = run_tfq(lint_args({"--fix"}), in_directory(dir));
  CHECK(fixed.exit_code == 0);
  CHECK(fixed.out.empty());
  CHECK(fixed.err == "tfq lint: fixed 16 findings in 4 files\n");
  for (const std::string& name : kCases)
    check_golden(kFixData + "/" + name + ".fixed", read_file(dir + "/" + name));
  const auto again = run_tfq(lint_args({}), in_directory(dir));
  CHECK(again.exit_code == 0);
  CHECK(again.out.empty());
  CHECK(again.err.empty());
  CHECK(leftovers(dir).empty());
}

TEST_CASE("fixed files compile to the requests their corrected spelling means", "[cli][fix]") {
  const std::string dir = copy_cases();
  REQUIRE(run_tfq(lint_args({"--fix"}), in_directory(dir)).exit_code == 0);
  const tfq::Source request(dir + "/request.tfq", read_file(dir + "/request.tfq"));
  const auto compiled = tfq::compile(request, tfq::InputKind::query_file);
  REQUIRE(compiled.requests.size() == 1);
  CHECK(
      compiled.requests[0].body ==
      R"({"fields":["userName","productName"],"metrics":["tokensConsumed"],"usageCategory":["DESKTOP_PRODUCT"],)"
      R"("where":"contractYear = 1","downloadFileName":"users"})");
  const tfq::Source body(dir + "/body.json", read_file(dir + "/body.json"));
  const auto compiled_body = tfq::compile(body, tfq::InputKind::json_body);
  REQUIRE(compiled_body.requests.size() == 1);
  CHECK(compiled_body.requests[0].body ==
        R"({"fields":["userName"],"metrics":["tokensConsumed"],"usageCategory":["DESKTOP_PRODUCT"],)"
        R"("where":"userName != 'a' AND usageType = 'Normal'"})");
}

TEST_CASE("fixes that only simplify keep the meaning: same compiled clause, same rows", "[cli][fix]") {
  const std::string dir = copy_cases();
  const std::string before = read_file(dir + "/meaning.where");
  REQUIRE(run_tfq({"lint", "--fix", "meaning.where"}, in_directory(dir)).exit_code == 0);
  const std::string after = read_file(dir + "/meaning.where");
  REQUIRE(after != before);
  const auto compiled_before = tfq::compile(tfq::Source("m.where", before), tfq::InputKind::where_clause);
  const auto compiled_after = tfq::compile(tfq::Source("m.where", after), tfq::InputKind::where_clause);
  REQUIRE(compiled_before.requests.size() == 1);
  REQUIRE(compiled_after.requests.size() == 1);
  CHECK(compiled_after.requests[0].body == compiled_before.requests[0].body);
  // The reference evaluator, over every combination of values around the clause's constants, NULL too.
  const tfq::Expr old_clause = parse(before);
  const tfq::Expr new_clause = parse(after);
  std::size_t rows = 0;
  for (const std::int64_t year : {0, 1, 2, 3}) {
    for (const char* product : {"Maya", "Revit"}) {
      for (const char* line : {"ACD", "RVT", "INV"}) {
        for (const char* user : {"a", "b", "c", ""}) {
          tfq::test::Row row{{"contractYear", year},
                             {"productName", std::string(product)},
                             {"productLineCode", std::string(line)}};
          if (*user != '\0') row["userName"] = std::string(user);
          INFO(year << " " << product << " " << line << " '" << user << "'");
          CHECK(tfq::test::evaluate(new_clause, row) == tfq::test::evaluate(old_clause, row));
          rows += tfq::test::selects(new_clause, row);
        }
      }
    }
  }
  CHECK(rows > 0);
}

TEST_CASE("lint --diff prints what --fix would change and changes nothing", "[cli][fix]") {
  const std::string dir = copy_cases();
  const auto r = run_tfq(lint_args({"--diff"}), in_directory(dir));
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  check_golden(kFixData + "/expected.diff", r.out);
  for (const std::string& name : kCases)
    CHECK(read_file(dir + "/" + name) == read_file(kFixData + "/" + name));
  // Once fixed, there is nothing left to show.
  REQUIRE(run_tfq(lint_args({"--fix"}), in_directory(dir)).exit_code == 0);
  const auto clean = run_tfq(lint_args({"--diff"}), in_directory(dir));
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());
}

TEST_CASE("lint --fix writes every file or none", "[cli][fix]") {
  // A name this long leaves no room for the temporary file beside it, so its write fails: the other file,
  // whose write would succeed, must be left as it was too.
  const std::string dir = copy_cases();
  const std::string long_name = std::string(245, 'q') + ".where";
  write_file(dir + "/" + long_name, "usrName = 'a'\n");
  const auto r = run_tfq({"lint", "--fix", "spelling.where", long_name}, in_directory(dir));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("(no file was changed)") != std::string::npos);
  CHECK(read_file(dir + "/spelling.where") == read_file(kFixData + "/spelling.where"));
  CHECK(read_file(dir + "/" + long_name) == "usrName = 'a'\n");
  CHECK(leftovers(dir).empty());
}

TEST_CASE("lint --fix keeps a symbolic link and rewrites the file it points to", "[cli][fix]") {
  const std::string dir = copy_cases();
  fs::create_symlink(dir + "/spelling.where", dir + "/link.where");
  REQUIRE(run_tfq({"lint", "--fix", "link.where"}, in_directory(dir)).exit_code == 0);
  CHECK(fs::is_symlink(dir + "/link.where"));
  CHECK(read_file(dir + "/spelling.where") == read_file(kFixData + "/spelling.where.fixed"));
}

TEST_CASE("lint --fix cannot rewrite stdin, but --diff shows its fixes", "[cli][fix]") {
  const auto fix = run_tfq({"lint", "--fix", "-"}, in_directory("", "usrName = 'a'\n"));
  CHECK(fix.exit_code == 2);
  CHECK(fix.err == "tfq lint: cannot fix '<stdin>' in place: use --diff to see the fixes\n");
  const auto diff = run_tfq({"lint", "--diff", "-"}, in_directory("", "usrName = 'a'\n"));
  CHECK(diff.exit_code == 1);
  CHECK(diff.out == "--- <stdin>\n+++ <stdin>\n@@ -1 +1 @@\n-usrName = 'a'\n+userName = 'a'\n");
}

TEST_CASE("lint --fix never removes a comment: a fix that would is left out, its finding reported",
          "[cli][fix]") {
  const std::string dir = make_temp_dir();
  const std::string clause = "userName IN ('a', -- the admin\n'a', 'b') /* x */ AND contractYear <> 1\n";
  write_file(dir + "/q.where", clause);
  const auto result = run_tfq({"lint", "--fix", "q.where"}, in_directory(dir));
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("q.where:2:1: warning[TFQ215]") != std::string::npos);
  CHECK(read_file(dir + "/q.where") ==
        "userName IN ('a', -- the admin\n'a', 'b') /* x */ AND contractYear != 1\n");
}

TEST_CASE("lint --fix leaves guesses alone unless --unsafe-fixes asks for them", "[cli][fix]") {
  const std::string dir = fs::canonical(make_temp_dir()).string();
  write_file(dir + "/d.where", "usageDate >= '2018-1-1'\n");
  const auto safe = run_tfq({"lint", "--fix", "d.where"}, in_directory(dir));
  CHECK(safe.exit_code == 1);
  CHECK(read_file(dir + "/d.where") == "usageDate >= '2018-1-1'\n");
  const auto unsafe = run_tfq({"lint", "--fix", "--unsafe-fixes", "d.where"}, in_directory(dir));
  CHECK(unsafe.exit_code == 0);
  CHECK(read_file(dir + "/d.where") == "usageDate >= '2018-01-01'\n");
}

TEST_CASE("an unquoted number is written apart from the keyword it touched, in query files and bodies",
          "[cli][fix]") {
  const std::string dir = fs::canonical(make_temp_dir()).string();
  write_file(dir + "/q.tfq", "SELECT userName FROM CLOUD_PRODUCT WHERE contractYear = '1'INTO 'x';\n");
  write_file(
      dir + "/b.json",
      R"({"fields":["userName"],"usageCategory":["CLOUD_PRODUCT"],"where":"contractYear BETWEEN'1'AND'2'"})");
  const auto fixed = run_tfq({"lint", "--fix", "--unsafe-fixes", "q.tfq", "b.json"}, in_directory(dir));
  CHECK(fixed.exit_code == 0);
  CHECK(fixed.out.empty());
  CHECK(read_file(dir + "/q.tfq") == "SELECT userName FROM CLOUD_PRODUCT WHERE contractYear = 1 INTO 'x';\n");
  CHECK(
      read_file(dir + "/b.json") ==
      R"({"fields":["userName"],"usageCategory":["CLOUD_PRODUCT"],"where":"contractYear BETWEEN 1 AND 2"})");
}

TEST_CASE("lint --fix of random clauses with repeats keeps every row's outcome and leaves nothing to fix",
          "[cli][fix][property]") {
  tfq::test::ClauseGenerator generator(tfq::test::gen_fields(tfq::Catalog::builtin()), 20261129);
  const std::string dir = fs::canonical(make_temp_dir()).string();
  std::vector<std::string> originals;
  for (int n = 0; n < 200; ++n) {
    const std::string a = tfq::print_where(generator.clause(1 + n % 3));
    const std::string b = tfq::print_where(generator.clause(1));
    // A clause repeated around another, or joined with itself: repeated and implied predicates to remove.
    std::string text =
        n % 2 == 0 ? "(" + a + ")\nAND (" + b + ")\nAND (" + a + ")\n" : a + " AND " + a + "\n";
    if (n % 3 == 0) {
      for (std::size_t at = text.find(" != "); at != std::string::npos; at = text.find(" != ", at))
        text.replace(at, 4, " <> ");
    }
    originals.push_back(text);
    write_file(dir + "/f" + std::to_string(1000 + n) + ".where", text);
  }
  const auto fixed = run_tfq({"lint", "--fix", "."}, in_directory(dir));
  INFO(fixed.err);
  CHECK(fixed.exit_code != 2);
  CHECK(leftovers(dir).empty());

  int changed = 0;
  for (std::size_t n = 0; n < originals.size(); ++n) {
    const std::string after = read_file(dir + "/f" + std::to_string(1000 + n) + ".where");
    if (after == originals[n]) continue;
    ++changed;
    INFO("before: " << originals[n] << "after: " << after);
    const tfq::Expr old_clause = parse(originals[n]);
    const tfq::Expr new_clause = parse(after);
    for (const tfq::test::Row& row : generator.rows(old_clause, 48)) {
      REQUIRE(tfq::test::evaluate(new_clause, row) == tfq::test::evaluate(old_clause, row));
    }
  }
  CHECK(changed > 100);
  // Everything safe was fixed: another run has nothing left to change.
  const auto again = run_tfq({"lint", "--diff", "."}, in_directory(dir));
  CHECK(again.exit_code == 0);
  CHECK(again.out.empty());
}
