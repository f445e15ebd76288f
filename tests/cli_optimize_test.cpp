// tfq compile --where and tfq explain, run as the real binary: stdout, stderr and exit codes.
#include <catch2/catch.hpp>

#include "support/process.hpp"

using tfq::test::run_tfq;

TEST_CASE("tfq compile prints the optimized clause on one line", "[optimize][cli]") {
  const auto r = run_tfq(
      {"compile", "--where", "NOT (contractYear < 2 OR contractYear > 4) and '2018-01-01' <= usageDate"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "usageDate >= '2018-01-01' AND contractYear >= 2 AND contractYear < 5\n");
  CHECK(r.err.empty());
}

TEST_CASE("tfq compile keeps every documented example as it is", "[optimize][cli]") {
  const char* const examples[][2] = {
      {"contractYear=1 AND productName IN ('Revit Live', 'Vault Office', 'Moldflow Adviser Ultimate', "
       "'ReMake')",
       "productName IN ('Moldflow Adviser Ultimate', 'ReMake', 'Revit Live', 'Vault Office') AND "
       "contractYear = 1"},
      {"contractYear >= 2 and userName LIKE 'admin%'", "userName LIKE 'admin%' AND contractYear >= 2"},
      {"usageDate >= '2018-01-01' and usageDate < '2018-02-01'",
       "usageDate >= '2018-01-01' AND usageDate < '2018-02-01'"},
      {"usageMonth = '2017-10-01'", "usageMonth = '2017-10-01'"},
      {"contractYear=1", "contractYear = 1"},
  };
  for (const auto& example : examples) {
    INFO(example[0]);
    const auto r = run_tfq({"compile", "--where", example[0]});
    CHECK(r.exit_code == 0);
    CHECK(r.out == std::string(example[1]) + "\n");
    CHECK(r.err.empty());
    // The output compiles to itself.
    CHECK(run_tfq({"compile", "--where", example[1]}).out == r.out);
  }
}

TEST_CASE("tfq compile exits 1 on a contradiction and prints no clause", "[optimize][cli]") {
  const auto r = run_tfq({"compile", "--where", "contractYear = 1 AND contractYear = 2"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(
      r.err ==
      R"(<where>:1:1: error[TFQ300]: the clause can never match: `contractYear = 1` conflicts with `contractYear = 2`
 1 | contractYear = 1 AND contractYear = 2
   | ^~~~~~~~~~~~~~~~
<where>:1:22: note: conflicts with this
 1 | contractYear = 1 AND contractYear = 2
   |                      ----------------
help: no row can satisfy the where clause; check the values and operators
)");
}

TEST_CASE("tfq compile prints an empty line for a tautology, with its warning on stderr", "[optimize][cli]") {
  const auto r =
      run_tfq({"compile", "--where", "usageType = 'Normal' OR contractYear > 0 OR contractYear <= 0"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "\n");
  CHECK(r.err.find("warning[TFQ301]: the clause is always true") != std::string::npos);
  const auto strict =
      run_tfq({"compile", "--warnings-as-errors", "--where", "contractYear > 0 OR contractYear <= 0"});
  CHECK(strict.exit_code == 1);
  CHECK(strict.out.empty());
}

TEST_CASE("tfq compile reports errors of every stage and NOT LIKE it cannot send", "[optimize][cli]") {
  const auto syntax = run_tfq({"compile", "--where", "contractYear = "});
  CHECK(syntax.exit_code == 1);
  CHECK(syntax.out.empty());
  CHECK(syntax.err.find("error[TFQ1") != std::string::npos);
  const auto check = run_tfq({"compile", "--where", "contractyear = 1"});
  CHECK(check.exit_code == 1);
  CHECK(check.err.find("error[TFQ200]") != std::string::npos);
  const auto not_like = run_tfq({"compile", "--where", "userName NOT LIKE '%adm%'"});
  CHECK(not_like.exit_code == 1);
  CHECK(not_like.out.empty());
  CHECK(not_like.err.find("error[TFQ304]") != std::string::npos);
  CHECK(run_tfq({"compile"}).exit_code == 2);
}

TEST_CASE("tfq compile reads field types and nullability from a --catalog overlay", "[optimize][cli]") {
  const std::string path = tfq::test::make_temp_dir() + "/extra.json";
  tfq::test::write_file(path, R"({"fields": [{"name": "seats", "type": "integer", "nullable": true}]})");
  // A field that can be NULL: every value is "not NULL", which is no tautology.
  const auto r = run_tfq({"compile", "--catalog", path, "--where", "seats > 3 OR seats <= 3"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "seats >= -9223372036854775808\n");
  CHECK(run_tfq({"compile", "--where", r.out.substr(0, r.out.size() - 1), "--catalog", path}).out == r.out);
  const auto missing = run_tfq({"compile", "--catalog", path + ".missing", "--where", "contractYear = 1"});
  CHECK(missing.exit_code == 2);
}

TEST_CASE("tfq explain shows the tree, the checks, each rewrite and the result", "[optimize][cli]") {
  const auto r = run_tfq({"explain", "--where", "NOT (contractYear <= 1 OR userName <> 'bob')"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"(parsed
  NOT
    OR
      contractYear <= 1
      userName != 'bob'

checks
<where>:1:36: note[TFQ219]: '<>' is sent as '!='
 1 | NOT (contractYear <= 1 OR userName <> 'bob')
   |                                    ^~
   |                                    !=
help: write '!=', the operator the server documents

rewrites
  1. not_over_or
     before: NOT (contractYear <= 1 OR userName != 'bob')
     after:  NOT contractYear <= 1 AND NOT userName != 'bob'
  2. not_compare
     before: NOT contractYear <= 1
     after:  contractYear > 1
  3. not_compare
     before: NOT userName != 'bob'
     after:  userName = 'bob'
  4. domain
     before: contractYear > 1
     after:  contractYear >= 2

findings
  none

result
  userName = 'bob' AND contractYear >= 2
)");
}

TEST_CASE("tfq explain stops at the first stage with errors", "[optimize][cli]") {
  const auto check = run_tfq({"explain", "--where", "contractYear = 'one'"});
  CHECK(check.exit_code == 1);
  CHECK(check.out.find("checks\n<where>:1:16: error[TFQ202]") != std::string::npos);
  CHECK(check.out.find("rewrites") == std::string::npos);
  const auto contradiction = run_tfq({"explain", "--where", "contractYear = 1 AND contractYear = 2"});
  CHECK(contradiction.exit_code == 1);
  CHECK(contradiction.out.find("error[TFQ300]") != std::string::npos);
  CHECK(contradiction.out.find("result\n  (never true: no row can match)\n") != std::string::npos);
}

TEST_CASE("tfq explain reads the clause from a .where file or stdin, positioned in that file",
          "[optimize][cli]") {
  const std::string dir = tfq::test::make_temp_dir();
  const std::string clause = "-- the admins\nuserName LIKE 'admin%'\n  AND contractYear = 'one'\n";
  tfq::test::write_file(dir + "/admins.where", clause);
  const auto from_file = run_tfq({"explain", dir + "/admins.where"});
  CHECK(from_file.exit_code == 1);
  CHECK(from_file.out.find("checks\n" + dir + "/admins.where:3:22: error[TFQ202]") != std::string::npos);
  tfq::test::ProcessOptions piped;
  piped.stdin_text = clause;
  const auto from_stdin = run_tfq({"explain", "-"}, piped);
  CHECK(from_stdin.exit_code == 1);
  CHECK(from_stdin.out.find("checks\n<stdin>:3:22: error[TFQ202]") != std::string::npos);

  tfq::test::write_file(dir + "/fine.where", "contractYear > 1");
  CHECK(run_tfq({"explain", dir + "/fine.where"}).out ==
        run_tfq({"explain", "--where", "contractYear > 1"}).out);
}

TEST_CASE("tfq explain takes exactly one clause, and refuses what is not one", "[optimize][cli]") {
  const std::string dir = tfq::test::make_temp_dir();
  tfq::test::write_file(dir + "/q.where", "contractYear = 1");
  tfq::test::write_file(dir + "/q.tfq",
                        "SELECT usageMonth FROM DESKTOP_PRODUCT WHERE contractYear = 1 INTO 'a';");
  const auto nothing = run_tfq({"explain"});
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.err ==
        "tfq explain: nothing to explain: give --where EXPR, FILE or - (stdin); see tfq explain --help\n");
  const auto both = run_tfq({"explain", dir + "/q.where", "--where", "contractYear = 1"});
  CHECK(both.exit_code == 2);
  CHECK(both.err == "tfq explain: give a FILE or --where, not both\n");
  const auto query_file = run_tfq({"explain", dir + "/q.tfq"});
  CHECK(query_file.exit_code == 2);
  CHECK(query_file.err.starts_with("tfq explain: '" + dir +
                                   "/q.tfq' is a query file; explain takes one where clause"));
  const auto missing = run_tfq({"explain", dir + "/none.where"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "tfq explain: cannot read '" + dir + "/none.where': No such file or directory\n");
  CHECK(missing.out.empty());
  // An empty --where is a clause, and explained as one.
  const auto empty = run_tfq({"explain", "--where", ""});
  CHECK(empty.exit_code == 1);
  CHECK(empty.out.find("error[TFQ102]: the where clause is empty") != std::string::npos);
}

TEST_CASE("tfq lint reports the optimizer's findings for clauses without check errors", "[optimize][cli]") {
  const auto contradiction = run_tfq({"lint", "--where", "contractYear = 1 AND contractYear = 2"});
  CHECK(contradiction.exit_code == 1);
  CHECK(contradiction.out.find("error[TFQ300]: the clause can never match") != std::string::npos);
  const auto redundant = run_tfq({"lint", "--where", "contractYear > 10 AND contractYear > 1"});
  CHECK(redundant.exit_code == 0);
  CHECK(redundant.out.find("warning[TFQ302]: `contractYear > 1` is redundant") != std::string::npos);
  // A type error stops there: the optimizer does not guess at a clause the checker rejected.
  const auto typed =
      run_tfq({"lint", "--where", "contractYear = 'one' AND contractYear = 2 AND contractYear = 3"});
  CHECK(typed.exit_code == 1);
  CHECK(typed.out.find("TFQ202") != std::string::npos);
  CHECK(typed.out.find("TFQ300") == std::string::npos);
}

TEST_CASE("tfq explain reads the clause against the project's catalog", "[optimize][cli][config]") {
  const std::string dir = tfq::test::make_temp_dir();
  tfq::test::write_file(dir + "/extra.json", R"({"fields": [{"name": "seats", "type": "integer"}]})");
  tfq::test::ProcessOptions here;
  here.working_directory = dir;
  CHECK(run_tfq({"explain", "--where", "seats > 3"}, here).exit_code == 1);  // unknown field
  tfq::test::write_file(dir + "/.tfq.json", R"({"catalog": "extra.json"})");
  const auto r = run_tfq({"explain", "--where", "seats > 3"}, here);
  CHECK(r.exit_code == 0);
  CHECK(r.out.ends_with("result\n  seats >= 4\n"));
  tfq::test::write_file(dir + "/.tfq.json", R"({"catalgo": "extra.json"})");
  const auto broken = run_tfq({"explain", "--where", "seats > 3"}, here);
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("TFQ700") != std::string::npos);
}
