// `tfq explain-code CODE`: the long explanation of a diagnostic code, with an example and the fix.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <string>

#include "commands.hpp"
#include "tfq/code_docs.hpp"
#include "tfq/diagnostic.hpp"

namespace tfq::cli {
namespace {

struct ExplainArgs {
  std::string code;
  bool list = false;
};

// Ids are matched in any case ("tfq200") or by their number alone ("200"), names as written
// ("unknown_field").
const CodeInfo* lookup(std::string text) {
  if (const CodeInfo* code = find_code(text)) return code;
  if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return find_code("TFQ" + text);
  }
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return find_code(text);
}

void print_list() {
  for (const CodeInfo& code : all_codes()) {
    std::printf("%.*s  %-8.*s %.*s: %.*s\n", static_cast<int>(code.id.size()), code.id.data(),
                static_cast<int>(to_string(code.severity).size()), to_string(code.severity).data(),
                static_cast<int>(code.name.size()), code.name.data(), static_cast<int>(code.summary.size()),
                code.summary.data());
  }
}

int run_explain(const ExplainArgs& args) {
  if (args.list) {
    print_list();
    return exit_ok;
  }
  if (args.code.empty()) {
    std::fprintf(stderr,
                 "tfq explain-code: give a code (TFQ200) or a name (unknown_field); --list lists them\n");
    return exit_usage;
  }
  const CodeInfo* code = lookup(args.code);
  if (code == nullptr) {
    std::fprintf(stderr, "tfq explain-code: no diagnostic code '%s'; tfq explain-code --list lists them\n",
                 args.code.c_str());
    return exit_usage;
  }
  const CodeExplanation explanation = explain(code->code);
  std::printf("%.*s %.*s (%.*s by default): %.*s\n\n%.*s\n", static_cast<int>(code->id.size()),
              code->id.data(), static_cast<int>(code->name.size()), code->name.data(),
              static_cast<int>(to_string(code->severity).size()), to_string(code->severity).data(),
              static_cast<int>(code->summary.size()), code->summary.data(),
              static_cast<int>(explanation.markdown.size()), explanation.markdown.data());
  return exit_ok;
}

}  // namespace

void register_explain_code(CLI::App& app, CommandRegistry& registry) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd =
      app.add_subcommand("explain-code", "Explain a diagnostic code, with an example and the fix");
  cmd->add_option("code", args->code, "A code id (TFQ200 or 200) or name (unknown_field)");
  cmd->add_flag("--list", args->list, "List every code with its default severity and summary");
  cmd->callback([args, &registry] { registry.exit_code = run_explain(*args); });
}

}  // namespace tfq::cli
