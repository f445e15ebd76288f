// `tfq lint` end to end: the real binary's stdout, stderr and exit code for every way of giving input.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/process.hpp"
#include "support/terminal.hpp"

using tfq::test::make_temp_dir;
using tfq::test::ProcessOptions;
using tfq::test::run_tfq;
using tfq::test::write_file;

namespace {

// A clause whose only finding comes from input validation, so its rendering is fixed here.
const std::string kBadByte = "contractYear = \xff";

std::string bad_byte_report(const std::string& name) {
  return name +
         ":1:16: error[TFQ001]: invalid UTF-8: byte 0xff never appears in UTF-8\n"
         " 1 | contractYear = \uFFFD\n"
         "   |                ^\n"
         "help: save the input as UTF-8 (it may be in Latin-1 or Windows-1252)\n";
}

ProcessOptions in_directory(const std::string& dir, const std::string& stdin_text = "") {
  ProcessOptions options;
  options.working_directory = dir;
  options.stdin_text = stdin_text;
  return options;
}

ProcessOptions with_stdin(const std::string& text) {
  return in_directory("", text);
}

ProcessOptions with_env(std::map<std::string, std::string> env, std::vector<std::string> unset = {}) {
  ProcessOptions options;
  options.env = std::move(env);
  options.unset_env = std::move(unset);
  return options;
}

}  // namespace

TEST_CASE("tfq --version and --help describe the program", "[cli][lint]") {
  const auto version = run_tfq({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out == "tfq " TFQ_VERSION "\n");
  CHECK(version.err.empty());

  const auto help = run_tfq({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("lint") != std::string::npos);
  CHECK(help.err.empty());
}

TEST_CASE("tfq lint --help lists every option and the exit codes", "[cli][lint]") {
  const auto help = run_tfq({"lint", "--help"});
  CHECK(help.exit_code == 0);
  for (const char* option :
       {"--where", "--format", "--catalog", "--max-depth", "--max-bytes", "--warnings-as-errors"}) {
    INFO(option);
    CHECK(help.out.find(option) != std::string::npos);
  }
  CHECK(help.out.find("2 usage or I/O error") != std::string::npos);
  CHECK(help.err.empty());
}

TEST_CASE("tfq lint reports invalid input with its position and exits 1", "[cli][lint]") {
  const auto r = run_tfq({"lint", "--where", kBadByte});
  CHECK(r.exit_code == 1);
  CHECK(r.out == bad_byte_report("<where>") + "\nfound 1 error\n");
  CHECK(r.err.empty());
}

TEST_CASE("tfq lint reads stdin for -", "[cli][lint]") {
  const auto r = run_tfq({"lint", "-"}, with_stdin(kBadByte));
  CHECK(r.exit_code == 1);
  CHECK(r.out == bad_byte_report("<stdin>") + "\nfound 1 error\n");
  CHECK(r.err.empty());
}

TEST_CASE("tfq lint --stdin-name names stdin, and its extension says what stdin holds", "[cli][lint]") {
  const auto named = run_tfq({"lint", "-", "--stdin-name", "q/admins.where"}, with_stdin(kBadByte));
  CHECK(named.exit_code == 1);
  CHECK(named.out == bad_byte_report("q/admins.where") + "\nfound 1 error\n");
  // Without the name, a query file on stdin is read as a where clause; with it, as the query file it is.
  const std::string query = "SELECT usrName FROM DESKTOP_PRODUCT;\n";
  const auto as_clause = run_tfq({"lint", "-"}, with_stdin(query));
  CHECK(as_clause.out.find("<stdin>:1:1: error[TFQ") != std::string::npos);
  const auto as_query =
      run_tfq({"lint", "-", "--stdin-name", "report.tfq", "--format", "github"}, with_stdin(query));
  CHECK(as_query.exit_code == 1);
  CHECK(as_query.out.starts_with("::error file=report.tfq,line=1,col=8,"));
  CHECK(as_query.out.find("title=TFQ401::unknown field or metric 'usrName'") != std::string::npos);
}

TEST_CASE("tfq lint reports a NUL byte in a file", "[cli][lint]") {
  const std::string dir = make_temp_dir();
  write_file(dir + "/nul.where", std::string("contractYear = 1\0", 17));
  const auto r = run_tfq({"lint", "nul.where"}, in_directory(dir));
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "nul.where:1:17: error[TFQ002]: input contains a NUL byte\n"
        " 1 | contractYear = 1\u2400\n"
        "   |                 ^\n"
        "help: a where clause is text: remove the NUL byte\n"
        "\n"
        "found 1 error\n");
}

TEST_CASE("tfq lint rejects input over the size limit, with a short echo of the long line", "[cli][lint]") {
  const auto r = run_tfq({"lint", "--max-bytes", "1k", "-"}, with_stdin(std::string(5000, ' ')));
  CHECK(r.exit_code == 1);
  CHECK(r.out.starts_with("<stdin>:1:1025: error[TFQ003]: input is larger than the limit of 1024 bytes\n"));
  CHECK(r.out.ends_with("\nfound 1 error\n"));
  CHECK(r.out.size() < 500);  // the echoed line is a window, not a kilobyte of blanks

  const auto at_limit =
      run_tfq({"lint", "--max-bytes", "1k", "-"}, with_stdin(std::string(1024, ' ') + "\xff"));
  CHECK(at_limit.out.find("[TFQ003]") != std::string::npos);
}

TEST_CASE("tfq lint walks a directory's .where files in sorted order", "[cli][lint]") {
  const std::string dir = make_temp_dir();
  std::filesystem::create_directories(dir + "/q/b");
  write_file(dir + "/q/c.where", kBadByte);
  write_file(dir + "/q/b/a.where", kBadByte);
  write_file(dir + "/q/a.where", kBadByte);
  write_file(dir + "/q/notes.txt", kBadByte);  // neither .where nor .tfq: skipped
  write_file(dir + "/q/body.json", kBadByte);  // request bodies only when named
  const auto r = run_tfq({"lint", "q"}, in_directory(dir));
  CHECK(r.exit_code == 1);
  CHECK(r.out == bad_byte_report("q/a.where") + "\n" + bad_byte_report("q/b/a.where") + "\n" +
                     bad_byte_report("q/c.where") + "\nfound 3 errors\n");
  CHECK(r.err.empty());
}

// A chain of `depth` folders named `name` below `base`, made through directory descriptors, since the
// deeper ones have paths longer than PATH_MAX, which no call that takes a path accepts, even from root:
// the one folder a test running as root cannot read. The destructor removes the chain the same way.
class DeepFolders {
 public:
  DeepFolders(const std::string& base, std::string name, int depth) : name_(std::move(name)) {
    int parent = ::open(base.c_str(), O_RDONLY | O_DIRECTORY);
    for (int i = 0; i < depth && parent >= 0; ++i) {
      fds_.push_back(parent);
      if (::mkdirat(parent, name_.c_str(), 0700) != 0) break;
      parent = ::openat(parent, name_.c_str(), O_RDONLY | O_DIRECTORY);
    }
    if (parent >= 0 && static_cast<int>(fds_.size()) == depth) ::close(parent);
  }
  ~DeepFolders() {
    for (auto fd = fds_.rbegin(); fd != fds_.rend(); ++fd) {
      ::unlinkat(*fd, name_.c_str(), AT_REMOVEDIR);
      ::close(*fd);
    }
  }
  DeepFolders(const DeepFolders&) = delete;
  DeepFolders& operator=(const DeepFolders&) = delete;
  int made() const { return static_cast<int>(fds_.size()); }

 private:
  std::string name_;
  std::vector<int> fds_;  // fds_[i] holds the i-th folder of the chain's parent
};

TEST_CASE("tfq lint names a folder it cannot read and still lints the rest of the walk", "[cli][lint]") {
  const std::string dir = make_temp_dir();
  std::filesystem::create_directories(dir + "/q/deep");
  write_file(dir + "/q/a.where", kBadByte);
  write_file(dir + "/q/z.where", kBadByte);
  std::filesystem::create_directory_symlink("..", dir + "/q/loop");  // not followed: no endless walk
  // "q/deep/" and 17 names of 250 bytes: the 17th folder's path is 4,273 bytes, over PATH_MAX (4,096).
  const std::string name(250, 'd');
  const DeepFolders deep(dir + "/q/deep", name, 17);
  REQUIRE(deep.made() == 17);
  std::string unreadable = "q/deep";
  for (int i = 0; i < 17; ++i) unreadable += "/" + name;

  const auto r = run_tfq({"lint", "q"}, in_directory(dir));
  CHECK(r.exit_code == 2);
  CHECK(r.out == bad_byte_report("q/a.where") + "\n" + bad_byte_report("q/z.where") + "\nfound 2 errors\n");
  CHECK(r.err == "tfq lint: cannot read '" + unreadable + "': File name too long\n");
}

TEST_CASE("tfq lint lints --where text first, then operands in the order given", "[cli][lint]") {
  const std::string dir = make_temp_dir();
  write_file(dir + "/z.where", kBadByte);
  const auto r = run_tfq({"lint", "z.where", "-", "--where", kBadByte}, in_directory(dir, kBadByte));
  CHECK(r.exit_code == 1);
  CHECK(r.out == bad_byte_report("<where>") + "\n" + bad_byte_report("z.where") + "\n" +
                     bad_byte_report("<stdin>") + "\nfound 3 errors\n");

  // A --where takes one clause: the operand after it is still a file.
  const auto after = run_tfq({"lint", "--where", "contractYear = 1", "z.where"}, in_directory(dir));
  CHECK(after.exit_code == 1);
  CHECK(after.out == bad_byte_report("z.where") + "\nfound 1 error\n");
}

TEST_CASE("tfq lint --format json prints one array of findings", "[cli][lint]") {
  const std::string dir = make_temp_dir();
  write_file(dir + "/a.where", kBadByte);
  const auto r = run_tfq({"lint", "--format", "json", "a.where", "--where", kBadByte}, in_directory(dir));
  CHECK(r.exit_code == 1);
  const std::string finding =
      R"j("code":"TFQ001","severity":"error","message":"invalid UTF-8: byte 0xff never appears in UTF-8",)j"
      R"j("line":1,"column":16,"end_line":1,"end_column":17,"labels":[],"notes":[],)j"
      R"j("help":"save the input as UTF-8 (it may be in Latin-1 or Windows-1252)","fixes":[]})j";
  CHECK(r.out == "[\n  {\"file\":\"<where>\"," + finding + ",\n  {\"file\":\"a.where\"," + finding + "\n]\n");
  CHECK(r.err.empty());
}

TEST_CASE("tfq lint exits 2 for a missing file but still lints the others", "[cli][lint]") {
  const std::string dir = make_temp_dir();
  write_file(dir + "/a.where", kBadByte);
  const auto r = run_tfq({"lint", "missing.where", "a.where"}, in_directory(dir));
  CHECK(r.exit_code == 2);
  CHECK(r.out == bad_byte_report("a.where") + "\nfound 1 error\n");
  CHECK(r.err == "tfq lint: cannot read 'missing.where': No such file or directory\n");
}

TEST_CASE("tfq lint exits 2 for a directory without .where or .tfq files", "[cli][lint]") {
  const std::string dir = make_temp_dir();
  std::filesystem::create_directories(dir + "/empty");
  const auto r = run_tfq({"lint", "empty"}, in_directory(dir));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "tfq lint: no .where, .tfq or .json files under 'empty'\n");
}

TEST_CASE("tfq lint exits 2 for usage errors", "[cli][lint]") {
  const auto nothing = run_tfq({"lint"});
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.out.empty());
  CHECK(nothing.err ==
        "tfq lint: nothing to lint: give --where EXPR, FILE, DIR, GLOB or - (stdin); see tfq lint --help\n");

  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"lint", "--frobnicate", "-"},
           {"lint", "--format", "xml", "--where", "a = 1"},
           {"lint", "--max-depth", "0", "--where", "a = 1"},
           {"lint", "--max-depth", "many", "--where", "a = 1"},
           {"lint", "--where"},
           {"no-such-command"},
           {},
       }) {
    std::string shown = "tfq";
    for (const std::string& arg : args) shown += " " + arg;
    INFO(shown);
    const auto r = run_tfq(args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE("tfq lint colours its output on a terminal unless NO_COLOR is set", "[cli][lint]") {
  const std::vector<std::string> argv = {TFQ_BINARY, "lint", "--where", kBadByte};
  const auto colored = tfq::test::run_on_terminal(argv, with_env({}, {"NO_COLOR"}));
  CHECK(colored.exit_code == 1);
  CHECK(colored.out.find("\x1b[1;31merror[TFQ001]:\x1b[0m") != std::string::npos);

  const auto no_color = tfq::test::run_on_terminal(argv, with_env({{"NO_COLOR", "1"}}));
  CHECK(no_color.exit_code == 1);
  CHECK(no_color.out.find("error[TFQ001]") != std::string::npos);
  CHECK(no_color.out.find('\x1b') == std::string::npos);

  // Not a terminal (a pipe): no colour even without NO_COLOR.
  const auto piped = tfq::test::run_process(argv, with_env({}, {"NO_COLOR"}));
  CHECK(piped.exit_code == 1);
  CHECK(piped.out.find('\x1b') == std::string::npos);
}

TEST_CASE("tfq lint prints nothing and exits 0 for a clean clause", "[cli][lint]") {
  const auto r = run_tfq({"lint", "--where", "contractYear = 1 AND userName LIKE 'admin%'"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());

  const auto json = run_tfq({"lint", "--format", "json", "--where", "contractYear = 1"});
  CHECK(json.exit_code == 0);
  CHECK(json.out == "[]\n");
}

TEST_CASE("tfq lint finds the bundled examples clean", "[cli][lint]") {
  const auto r = run_tfq({"lint", "examples/"}, in_directory(TFQ_SOURCE_DIR));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  CHECK(std::distance(std::filesystem::directory_iterator(TFQ_SOURCE_DIR "/examples"),
                      std::filesystem::directory_iterator()) >= 6);
}

TEST_CASE("tfq lint reports every finding of a multi-line file at its line and column", "[cli][lint]") {
  const std::string dir = make_temp_dir();
  write_file(dir + "/q.where",
             "-- admins in 2018\r\n"
             "usrName LIKE 'admin%'\r\n"
             "  AND contractYear = '1'\r\n");
  const auto r = run_tfq({"lint", "q.where"}, in_directory(dir));
  CHECK(r.exit_code == 1);
  CHECK(r.out == R"(q.where:2:1: error[TFQ200]: unknown field 'usrName'
 2 | usrName LIKE 'admin%'
   | ^~~~~~~
   | userName
help: did you mean 'userName'?

q.where:3:22: error[TFQ202]: 'contractYear' is an integer field, but '1' is a quoted number
 3 |   AND contractYear = '1'
   |                      ^~~
   |                      1
help: write the number without quotes: 1

found 2 errors
)");
  CHECK(r.err.empty());
}

TEST_CASE("tfq lint exits 0 on warnings unless --warnings-as-errors", "[cli][lint]") {
  const std::string clause = "productLineCode IN ('ACD', 'ACD')";
  const std::string report = R"(<where>:1:28: SEVERITY[TFQ215]: 'ACD' is listed twice
 1 | productLineCode IN ('ACD', 'ACD')
   |                            ^~~~~
<where>:1:21: note: first listed here
 1 | productLineCode IN ('ACD', 'ACD')
   |                     -----
help: remove the second one

found 1 SEVERITY
)";
  auto with_severity = [&](const std::string& severity) {
    std::string text = report;
    for (std::size_t at; (at = text.find("SEVERITY")) != std::string::npos;) text.replace(at, 8, severity);
    return text;
  };
  const auto warned = run_tfq({"lint", "--where", clause});
  CHECK(warned.exit_code == 0);
  CHECK(warned.out == with_severity("warning"));

  const auto strict = run_tfq({"lint", "--warnings-as-errors", "--where", clause});
  CHECK(strict.exit_code == 1);
  CHECK(strict.out == with_severity("error"));

  const auto both = run_tfq({"lint", "--where", clause + " AND usrName = 'x'"});
  CHECK(both.exit_code == 1);
  CHECK(both.out.ends_with("\nfound 1 error and 1 warning\n"));
}

TEST_CASE("tfq lint --format json gives help and fix-its with their positions", "[cli][lint]") {
  const auto r = run_tfq({"lint", "--format", "json", "--where", "contractYear = 1 AND\n  usrName = 'bob'"});
  CHECK(r.exit_code == 1);
  CHECK(r.out == R"([
  {"file":"<where>","code":"TFQ200","severity":"error","message":"unknown field 'usrName'","line":2,"column":3,"end_line":2,"end_column":10,"labels":[],"notes":[],"help":"did you mean 'userName'?","fixes":[{"line":2,"column":3,"end_line":2,"end_column":10,"replacement":"userName"}]}
]
)");
  CHECK(r.err.empty());
}

TEST_CASE("tfq lint --max-depth sets the nesting limit", "[cli][lint]") {
  const auto r = run_tfq({"lint", "--max-depth", "2", "--where", "((contractYear = 1))"});
  CHECK(r.exit_code == 0);
  const auto deeper = run_tfq({"lint", "--max-depth", "2", "--where", "(((contractYear = 1)))"});
  CHECK(deeper.exit_code == 1);
  CHECK(deeper.out.find("error[TFQ101]") != std::string::npos);
}

TEST_CASE("tfq lint survives nesting far beyond any limit", "[cli][lint]") {
  const std::string deep = std::string(100000, '(') + "contractYear = 1" + std::string(100000, ')');
  // 1000 is the parser's ceiling, the largest --max-depth taken (limits_test refuses larger ones).
  const auto r = run_tfq({"lint", "--max-depth", "1000", "-"}, with_stdin(deep));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("error[TFQ101]") != std::string::npos);
  CHECK(r.out.size() < 1000);
}

TEST_CASE("tfq lint --catalog overlays the built-in catalog", "[cli][lint]") {
  const std::string dir = make_temp_dir();
  write_file(dir + "/extra.json", R"({"fields": [{"name": "nickName", "type": "string"}]})");
  write_file(dir + "/broken.json", R"({"fields": [{"name": "nickName"}]})");

  const auto without = run_tfq({"lint", "--where", "nickName = 'bob'"}, in_directory(dir));
  CHECK(without.exit_code == 1);
  CHECK(without.out.find("error[TFQ200]: unknown field 'nickName'") != std::string::npos);

  const auto with =
      run_tfq({"lint", "--catalog", "extra.json", "--where", "nickName = 'bob'"}, in_directory(dir));
  CHECK(with.exit_code == 0);
  CHECK(with.out.empty());
  CHECK(with.err.empty());

  const auto broken =
      run_tfq({"lint", "--catalog", "broken.json", "--where", "nickName = 'bob'"}, in_directory(dir));
  CHECK(broken.exit_code == 2);
  CHECK(broken.out.empty());
  CHECK(broken.err.starts_with("broken.json:1:"));
  CHECK(broken.err.find("error[TFQ606]") != std::string::npos);
  CHECK(broken.err.ends_with("tfq lint: the catalog 'broken.json' cannot be used\n"));

  const auto missing =
      run_tfq({"lint", "--catalog", "missing.json", "--where", "nickName = 'bob'"}, in_directory(dir));
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err ==
        "tfq lint: --catalog 'missing.json': cannot read catalog file: No such file or directory\n");
}

TEST_CASE("tfq lint checks query files and request bodies as compile would, parameters left unbound",
          "[cli][lint]") {
  const std::string dir = make_temp_dir();
  std::filesystem::create_directories(dir + "/q");
  write_file(dir + "/q/users.tfq",
             "EXPORT SELECT userName, tokensConsumed\n"
             "FROM DESKTOP_PRODUCT\n"
             "WHERE usrName = :user AND usageDate >= :since\n");
  write_file(dir + "/q/body.json", R"({"fields": ["userName"], "where": "usrName = 1"})");

  const auto tfq_file = run_tfq({"lint", "q"}, in_directory(dir));  // a directory walk finds .tfq files
  CHECK(tfq_file.exit_code == 1);
  CHECK(tfq_file.out == R"(q/users.tfq:3:7: error[TFQ200]: unknown field 'usrName'
 3 | WHERE usrName = :user AND usageDate >= :since
   |       ^~~~~~~
   |       userName
help: did you mean 'userName'?

found 1 error
)");
  CHECK(tfq_file.err.empty());

  const auto body = run_tfq({"lint", "q/body.json"}, in_directory(dir));
  CHECK(body.exit_code == 1);
  CHECK(body.out.starts_with("q/body.json:1:36: error[TFQ200]: unknown field 'usrName'\n"));
}
