// What ships beside the binary says what the binary does: the man page (tools/tfq.1), the bash and zsh
// completions (tools/completions/) and the pre-commit hooks list exactly the commands, options and
// --format values that `tfq --help` and `tfq CMD --help` show.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support/process.hpp"

using tfq::test::read_file;
using tfq::test::run_tfq;

namespace {

using Names = std::set<std::string>;

const std::string kSource = TFQ_SOURCE_DIR;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string joined(const Names& names) {
  std::string out;
  for (const std::string& name : names) out += name + " ";
  return out;
}

// What `tfq CMD --help` shows: the options of each group ("Options", "Limits", ...) and the --format values.
struct Help {
  std::map<std::string, Names> groups;
  Names formats;

  Names all_options() const {
    Names all;
    for (const auto& [group, names] : groups) all.insert(names.begin(), names.end());
    return all;
  }
};

Help help_of(const std::string& command) {
  const auto r = run_tfq({command, "--help"});
  REQUIRE(r.exit_code == 0);
  Help help;
  std::string group;
  static const std::regex format_values(R"(^\s+--format TEXT:\{([a-z,]+)\})");
  for (const std::string& line : lines_of(r.out)) {
    if (!line.empty() && line.back() == ':' && line.front() != ' ') group = line.substr(0, line.size() - 1);
    if (group == "Positionals" || !line.starts_with("  -")) continue;
    std::string first = words_of(line).front();
    for (std::size_t at = 0; at <= first.size();) {
      const std::size_t comma = std::min(first.find(',', at), first.size());
      help.groups[group].insert(first.substr(at, comma - at));
      at = comma + 1;
    }
    std::smatch m;
    if (std::regex_search(line, m, format_values)) {
      std::string values = m[1];
      std::replace(values.begin(), values.end(), ',', ' ');
      for (const std::string& v : words_of(values)) help.formats.insert(v);
    }
  }
  return help;
}

std::vector<std::string> subcommands() {
  const auto r = run_tfq({"--help"});
  std::vector<std::string> names;
  bool in_list = false;
  for (const std::string& line : lines_of(r.out)) {
    if (line == "Subcommands:") in_list = true;
    if (in_list && line.starts_with("  ")) names.push_back(words_of(line).front());
  }
  REQUIRE(names.size() >= 10);
  return names;
}

// Man page text with roff's escaped dashes and font changes taken out, so that options read as typed.
std::string plain_roff(std::string text) {
  text = std::regex_replace(text, std::regex(R"(\\-)"), "-");
  return std::regex_replace(text, std::regex(R"(\\f[BIRP])"), "");
}

// The sections of the man page: "lint" for `.SS "tfq lint ..."`, "LIMIT OPTIONS" for `.SH LIMIT OPTIONS`.
std::map<std::string, std::string> man_sections() {
  std::map<std::string, std::string> sections;
  std::string current;
  for (const std::string& line : lines_of(plain_roff(read_file(kSource + "/tools/tfq.1")))) {
    if (line.starts_with(".SS \"tfq ")) {
      current = words_of(line.substr(9)).front();
      current.erase(current.find_last_not_of('"') + 1);
    } else if (line.starts_with(".SH ") || line.starts_with(".SS ")) {
      current = line.substr(4);
    } else {
      sections[current] += line + "\n";
    }
  }
  return sections;
}

// The options named in a stretch of the man page, but for -h and --help, which every command takes.
Names options_in(const std::string& text) {
  Names names;
  static const std::regex option(R"((^|[^-\w])(--[a-z0-9][a-z0-9-]*|-[a-zA-Z])(?![\w-]))");
  for (std::sregex_iterator it(text.begin(), text.end(), option), end; it != end; ++it)
    names.insert((*it)[2]);
  names.erase("-h");
  names.erase("--help");
  return names;
}

Names without_help(Names names) {
  names.erase("-h");
  names.erase("--help");
  return names;
}

// A completion script's lists: `CMD) options=...` and `CMD) formats=...` lines, with the shared groups
// ($limits, ...) expanded.
struct Completion {
  std::map<std::string, Names> options;
  std::map<std::string, Names> formats;
};

Completion completion_of(const std::string& path) {
  Completion completion;
  std::map<std::string, std::vector<std::string>> groups;
  static const std::regex group(R"re(^\s*(limits|waiting|connection)=["(](.*)[")]$)re");
  static const std::regex entry(R"re(^\s*([a-z|-]+)\) (options|formats)=["(](.*)[")] ;;$)re");
  for (const std::string& line : lines_of(read_file(path))) {
    std::smatch m;
    if (std::regex_match(line, m, group)) groups[m[1]] = words_of(m[2]);
    if (!std::regex_match(line, m, entry)) continue;
    Names names;
    for (const std::string& word : words_of(m[3])) {
      if (!word.starts_with('$')) names.insert(word);
      for (const std::string& member : groups[word.substr(1)]) names.insert(member);
    }
    std::string commands = m[1];
    std::replace(commands.begin(), commands.end(), '|', ' ');
    for (const std::string& command : words_of(commands)) {
      (m[2] == "options" ? completion.options : completion.formats)[command] = names;
    }
  }
  return completion;
}

Names listed(const std::map<std::string, Names>& lists, const std::string& command) {
  const auto it = lists.find(command);
  return it == lists.end() ? Names{} : it->second;
}

std::string bash_complete(const std::string& words, int current) {
  const auto r = tfq::test::run_process({"/bin/bash", "-c",
                                         "source " + kSource + "/tools/completions/tfq.bash; COMP_WORDS=(" +
                                             words + "); COMP_CWORD=" + std::to_string(current) +
                                             "; _tfq; echo \"${COMPREPLY[*]}\""});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// What the zsh completion offers for `words` (the cursor on the last word, `prefix` typed so far there),
// run in zsh with the completion system's builtins replaced by functions that print what they are given:
// a line per offered word (compadd filters by the prefix itself in a real shell), "files" or "directories".
std::string zsh_complete(const std::string& words, const std::string& prefix,
                         const tfq::test::ProcessOptions& options = {}) {
  const std::string stubs =
      "compadd() { if [[ $1 == -a ]]; then print -rl -- ${(P)2}; else [[ $1 == -- ]] && shift; "
      "print -rl -- \"$@\"; fi; }; "
      "_describe() { print -rl -- ${${(P)2}%%:*}; }; "
      "_files() { if [[ $1 == -/ ]]; then print directories; else print files; fi; }; ";
  const auto r = tfq::test::run_process({"/usr/bin/zsh", "-f", "-c",
                                         stubs + "words=(" + words + "); CURRENT=${#words}; PREFIX='" +
                                             prefix + "'; source " + kSource + "/tools/completions/_tfq"},
                                        options);
  REQUIRE(r.err.empty());
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("the man page has a section for every command, listing exactly its options", "[cli][docs]") {
  const auto sections = man_sections();
  const std::map<std::string, std::string> shared = {
      {"Limits", "LIMIT OPTIONS"}, {"Waiting", "WAITING OPTIONS"}, {"Connection", "CONNECTION OPTIONS"}};
  for (const std::string& command : subcommands()) {
    INFO("tfq " << command);
    REQUIRE(sections.contains(command));
    const std::string& section = sections.at(command);
    const Help help = help_of(command);
    CHECK(joined(options_in(section)) == joined(without_help(help.groups.at("Options"))));
    for (const auto& [group, heading] : shared) {
      INFO(heading);
      CHECK(help.groups.contains(group) == (section.find("the " + heading) != std::string::npos));
      if (help.groups.contains(group))
        CHECK(joined(options_in(sections.at(heading))) == joined(help.groups.at(group)));
    }
  }
  // The other way round: every command section names a command (the .SH sections are upper case).
  const std::vector<std::string> commands = subcommands();
  for (const auto& [name, text] : sections) {
    if (name.empty() || name.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) continue;
    INFO("man page section " << name);
    CHECK(std::find(commands.begin(), commands.end(), name) != commands.end());
  }
}

TEST_CASE("the bash and zsh completions offer exactly the commands, options and formats of tfq",
          "[cli][docs]") {
  const std::vector<std::string> commands = subcommands();
  const std::string bash = read_file(kSource + "/tools/completions/tfq.bash");
  const std::string zsh = read_file(kSource + "/tools/completions/_tfq");
  std::smatch m;
  REQUIRE(std::regex_search(bash, m, std::regex(R"re(commands="([a-z -]+)")re")));
  CHECK(joined(Names(commands.begin(), commands.end())) == joined([&] {
          const auto words = words_of(m[1]);
          return Names(words.begin(), words.end());
        }()));
  Names zsh_commands;
  static const std::regex zsh_command(R"(^\s+'([a-z-]+):)");
  for (const std::string& line : lines_of(zsh)) {
    if (std::regex_search(line, m, zsh_command)) zsh_commands.insert(m[1]);
  }
  CHECK(joined(zsh_commands) == joined(Names(commands.begin(), commands.end())));

  for (const std::string script : {"tfq.bash", "_tfq"}) {
    const Completion completion = completion_of(kSource + "/tools/completions/" + script);
    CHECK(completion.options.size() == commands.size());
    for (const std::string& command : commands) {
      INFO(script << ": tfq " << command);
      const Help help = help_of(command);
      CHECK(joined(listed(completion.options, command)) == joined(help.all_options()));
      CHECK(joined(listed(completion.formats, command)) == joined(help.formats));
    }
  }
}

TEST_CASE("bash completion completes commands, options, formats and codes", "[cli][docs]") {
  CHECK(bash_complete("tfq exp", 1) == "explain explain-code\n");
  CHECK(bash_complete("tfq lint --unsafe", 2) == "--unsafe-fixes\n");
  CHECK(bash_complete("tfq lint --format s", 3) == "sarif\n");
  CHECK(bash_complete("tfq submit --format j", 3) == "json jsonl\n");
  CHECK(bash_complete("tfq fmt --out", 2) == "\n");
  // Codes come from the tfq on PATH, which the test puts there.
  const std::string bin = std::string(TFQ_BINARY).substr(0, std::string(TFQ_BINARY).rfind('/'));
  tfq::test::ProcessOptions options;
  options.env = {{"PATH", bin + ":/usr/bin:/bin"}};
  const auto r = tfq::test::run_process(
      {"/bin/bash", "-c",
       "source " + kSource +
           "/tools/completions/tfq.bash; COMP_WORDS=(tfq explain-code TFQ21); COMP_CWORD=2; _tfq; "
           "echo \"${COMPREPLY[*]}\""},
      options);
  CHECK(r.out.starts_with("TFQ210 TFQ211 "));
}

TEST_CASE("zsh completion completes commands, options, formats, files and codes", "[cli][docs]") {
  const std::string commands = zsh_complete("tfq ''", "");
  CHECK(commands.starts_with("lint\ncompile\nfmt\nexplain\nexplain-code\n"));
  CHECK(commands.ends_with("\ndownload\n"));
  CHECK(zsh_complete("tfq lint --format ''", "") == "text\njson\njsonl\nsarif\ngithub\ngitlab\n");
  CHECK(zsh_complete("tfq submit --format ''", "") == "text\njson\njsonl\n");
  CHECK(zsh_complete("tfq submit --diagnostics-format ''", "") ==
        "text\njson\njsonl\nsarif\ngithub\ngitlab\n");
  CHECK(zsh_complete("tfq submit --diagnostics-file ''", "") == "files\n");
  CHECK(zsh_complete("tfq compile --out-dir ''", "") == "directories\n");
  CHECK(zsh_complete("tfq lint queries/ ''", "") == "files\n");
  const std::string options = zsh_complete("tfq fmt --", "--");
  CHECK(options ==
        "-h\n--help\n--check\n--write\n--stdin-name\n--max-bytes\n--max-depth\n--max-predicates\n"
        "--max-in-list\n--max-statements\n--max-fields\n");
  // Codes come from the tfq on PATH, which the test puts there.
  const std::string bin = std::string(TFQ_BINARY).substr(0, std::string(TFQ_BINARY).rfind('/'));
  tfq::test::ProcessOptions path;
  path.env = {{"PATH", bin + ":/usr/bin:/bin"}};
  CHECK(zsh_complete("tfq explain-code ''", "", path).starts_with("TFQ001\nTFQ002\n"));
}

TEST_CASE("the pre-commit hooks run tfq lint and tfq fmt --check on the files they are given",
          "[cli][docs]") {
  std::map<std::string, std::vector<std::string>> entries;
  std::string id;
  std::smatch m;
  for (const std::string& line : lines_of(read_file(kSource + "/.pre-commit-hooks.yaml"))) {
    if (std::regex_match(line, m, std::regex(R"(- id: (\S+))"))) id = m[1];
    if (std::regex_match(line, m, std::regex(R"(\s+entry: tfq (.*))"))) entries[id] = words_of(m[1]);
  }
  REQUIRE(entries.size() == 2);
  const std::string dir = tfq::test::make_temp_dir();
  const auto hook = [&](const std::string& hook_id, const std::string& name, const std::string& text) {
    tfq::test::write_file(dir + "/" + name, text);
    std::vector<std::string> args = entries.at(hook_id);
    args.push_back(dir + "/" + name);  // pre-commit appends the names of the staged files
    return run_tfq(args).exit_code;
  };
  CHECK(hook("tfq-lint", "good.where", "contractYear = 1\n") == 0);
  CHECK(hook("tfq-lint", "bad.where", "usrName = 'a'\n") == 1);
  CHECK(hook("tfq-fmt", "good.tfq", "SELECT userName\nFROM DESKTOP_PRODUCT;\n") == 0);
  CHECK(hook("tfq-fmt", "ugly.tfq", "select userName from DESKTOP_PRODUCT;\n") == 1);
  CHECK(hook("tfq-fmt", "good.where", "contractYear = 1\n  AND userName = 'a'\n") == 0);
  CHECK(hook("tfq-fmt", "ugly.where", "contractYear=1 and userName='a'\n") == 1);
}
