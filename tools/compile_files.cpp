// tfq compile's file path: inputs in, bodies out. Nothing is written unless every input compiled without
// errors, and then every file is written atomically (atomic_files.hpp); --check only compares.
#include "compile_files.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "atomic_files.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "report.hpp"
#include "tfq/compile.hpp"
#include "tfq/suppress.hpp"

namespace tfq::cli {
namespace {

// Directories hold query files; JSON bodies are named one by one (a directory of compiled bodies is output).
constexpr std::string_view kDirectoryExtensions[] = {".tfq"};

using Compiled = CompiledInput;

void complain(std::string_view command, const std::string& problem) {
  std::fprintf(stderr, "tfq %.*s: %s\n", static_cast<int>(command.size()), command.data(), problem.c_str());
}

void complain(const std::string& problem) {
  complain("compile", problem);
}

std::optional<std::map<std::string, std::string>> parse_params(std::span<const std::string> params,
                                                               std::string_view command) {
  std::map<std::string, std::string> bound;
  for (const std::string& param : params) {
    const std::size_t eq = param.find('=');
    if (eq == 0 || eq == std::string::npos) {
      complain(command, "--param takes name=value, not '" + param + "'");
      return std::nullopt;
    }
    if (!bound.emplace(param.substr(0, eq), param.substr(eq + 1)).second) {
      complain(command, "--param binds '" + param.substr(0, eq) + "' twice");
      return std::nullopt;
    }
  }
  return bound;
}

std::string content_of(const CompiledRequest& request, bool compact) {
  return compact ? request.body + "\n" : request.body_pretty;
}

// The files --out-dir or -o would hold; nullopt (after complaining) when two requests want one file.
std::optional<std::vector<PlannedFile>> plan_files(const CompileFileArgs& args,
                                                   const std::vector<Compiled>& all, bool compact,
                                                   int& usage_error) {
  std::vector<PlannedFile> files;
  if (!args.output.empty()) {
    if (all.size() != 1) {
      complain("-o takes one body, but the inputs hold " + std::to_string(all.size()) + ": use --out-dir");
      usage_error = exit_usage;
      return std::nullopt;
    }
    files.push_back({args.output, content_of(all[0].request, compact)});
    return files;
  }
  std::map<std::string, const Compiled*> taken;
  for (const Compiled& c : all) {
    const std::string extension = c.kind == InputKind::where_clause ? ".where" : ".json";
    const std::string path = (std::filesystem::path(args.out_dir) / (c.request.name + extension)).string();
    auto [it, inserted] = taken.emplace(path, &c);
    if (!inserted) {
      complain("'" + it->second->source_name + "' and '" + c.source_name + "' would both write '" + path +
               "': give them different INTO names");
      usage_error = exit_findings;
      return std::nullopt;
    }
    files.push_back({path, content_of(c.request, compact)});
  }
  return files;
}

int check_files(const std::vector<PlannedFile>& files) {
  int stale = 0;
  for (const PlannedFile& file : files) {
    const std::optional<std::string> existing = read_existing(file.path);
    if (existing == file.content) continue;
    std::fprintf(stderr, "%s: %s\n", file.path.c_str(), existing ? "out of date" : "missing");
    ++stale;
  }
  return stale == 0 ? exit_ok : exit_findings;
}

void print_bodies(const std::vector<Compiled>& all, bool compact) {
  for (const Compiled& c : all) {
    // Several bodies are JSON Lines: one compact body a line.
    const std::string text = all.size() == 1 ? content_of(c.request, compact) : c.request.body + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
}

}  // namespace

void apply_project_rules(const Source& source, const std::vector<SeverityOverride>& severities,
                         std::vector<Diagnostic>& diagnostics) {
  const auto has_error = [](const std::vector<Diagnostic>& all) {
    return std::any_of(all.begin(), all.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
  };
  std::vector<Diagnostic> ruled = diagnostics;
  apply_suppressions(source, ruled);
  apply_severity_overrides(severities, ruled);
  if (has_error(diagnostics) && !has_error(ruled)) return;
  diagnostics = std::move(ruled);
}

void add_compile_file_options(CLI::App& command, CompileFileArgs& args) {
  command.add_option("inputs", args.operands,
                     "Query files (.tfq), request bodies (.json), where clauses (.where), directories (every "
                     ".tfq file below), - for stdin (a where clause)");
  auto* output = command.add_option("-o,--output", args.output, "Write the one body to FILE");
  command.add_option("--out-dir", args.out_dir, "Write one NAME.json per statement into DIR")
      ->excludes(output);
  command.add_flag("--check", args.check,
                   "Write nothing; exit 1 when a file of -o or --out-dir is missing or differs");
  command.add_option("--param", args.params, "Bind :name in query files (name=value; may be repeated)");
  add_stdin_name_option(command, args.stdin_name);
}

CompiledInputs compile_inputs(std::span<const std::string> operands, std::span<const std::string> params,
                              const CompileSettings& settings, std::string_view command) {
  CompiledInputs compiled;
  const auto bound = parse_params(params, command);
  if (!bound) {
    compiled.exit_code = exit_usage;
    return compiled;
  }
  std::vector<std::string> problems;
  std::vector<InputSpec> inputs = expand_operands(operands, kDirectoryExtensions, problems);
  name_standard_input(inputs, settings.stdin_name);
  CompileOptions options;
  options.catalog = settings.catalog;
  options.parameters = *bound;
  options.limits = settings.limits;
  options.default_target = settings.default_target;
  options.report_unused_parameters = inputs.size() == 1;
  // Text findings go to stderr, beside the bodies on stdout. A machine format takes stdout for itself,
  // and the bodies go to -o or --out-dir (cmd_compile.cpp insists on one of them).
  std::FILE* findings_stream = settings.findings_stream != nullptr     ? settings.findings_stream
                               : settings.format == OutputFormat::text ? stderr
                                                                       : stdout;
  ReportOptions report_options = format_report_options(settings.format, findings_stream);
  report_options.warnings_as_errors = settings.warnings_as_errors;
  FindingsReport report(findings_stream, report_options);
  std::set<std::string> used;
  for (const InputSpec& input : inputs) {
    std::string problem;
    std::optional<Source> source = read_input(input, settings.limits.max_bytes, problem);
    if (!source) {
      problems.push_back(problem);
      continue;
    }
    if (input.kind == InputSpec::Kind::file) compiled.files.push_back(input.name);
    const InputKind kind = input_kind_for(source->name());
    CompileResult result = compile(*source, kind, options);
    apply_project_rules(*source, settings.severities, result.diagnostics);
    used.insert(result.parameters_used.begin(), result.parameters_used.end());
    for (CompiledRequest& request : result.requests)
      compiled.requests.push_back({source->name(), kind, std::move(request)});
    report.add(std::move(*source), std::move(result.diagnostics));
  }
  report.finish();
  for (const std::string& problem : problems) complain(command, problem);
  compiled.exit_code = report.exit_code(!problems.empty());
  if (!options.report_unused_parameters) {
    for (const auto& [name, value] : *bound) {
      if (used.contains(name)) continue;
      complain(command, "--param binds '" + name + "', which no input uses");
      compiled.exit_code = std::max(compiled.exit_code, exit_findings);
    }
  }
  if (compiled.exit_code != exit_ok) compiled.requests.clear();
  return compiled;
}

std::optional<std::string> output_overwriting_input(const std::vector<std::string>& outputs,
                                                    const std::vector<std::string>& inputs) {
  for (const std::string& output : outputs) {
    for (const std::string& input : inputs) {
      std::error_code ec;
      if (output == input || std::filesystem::equivalent(output, input, ec)) return output;
    }
  }
  return std::nullopt;
}

int compile_files(const CompileFileArgs& args, const CompileSettings& settings) {
  if (args.check && args.output.empty() && args.out_dir.empty()) {
    complain("--check compares with the files of -o or --out-dir: give one of them");
    return exit_usage;
  }
  const CompiledInputs compiled = compile_inputs(args.operands, args.params, settings, "compile");
  const int code = compiled.exit_code;
  const std::vector<Compiled>& all = compiled.requests;
  if (code != exit_ok) return code;  // any error anywhere: nothing is written
  if (args.output.empty() && args.out_dir.empty()) {
    print_bodies(all, settings.compact);
    return exit_ok;
  }
  int plan_error = exit_ok;
  const auto files = plan_files(args, all, settings.compact, plan_error);
  if (!files) return plan_error;
  if (args.check) return check_files(*files);
  std::vector<std::string> outputs;
  for (const PlannedFile& file : *files) outputs.push_back(file.path);
  if (const auto clash = output_overwriting_input(outputs, compiled.files)) {
    complain("'" + *clash + "' is an input: writing the body there would replace it; nothing was written");
    return exit_usage;
  }
  if (!args.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.out_dir, ec);
    if (ec) {
      complain("cannot create '" + args.out_dir + "': " + ec.message());
      return exit_usage;
    }
  }
  if (const auto failed = write_files_atomically(*files)) {
    complain(*failed);
    return exit_usage;
  }
  return exit_ok;
}

}  // namespace tfq::cli
