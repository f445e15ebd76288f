// tfq submit FILE... --contract N: compiles every file (nothing is sent when any has an error), then POSTs
// each request body to /export/N/requests (or /usage/N/query for QUERY statements) and prints one line per
// request: key, status, file. --dry-run prints the exact HTTP requests instead; --wait and --download
// follow the requests to their CSV files.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "atomic_files.hpp"
#include "commands.hpp"
#include "compile_files.hpp"
#include "connection.hpp"
#include "follow.hpp"
#include "limit_options.hpp"
#include "progress.hpp"
#include "project.hpp"
#include "submit_batch.hpp"
#include "tfq/compile.hpp"

namespace tfq::cli {
namespace {

struct SubmitFlags {
  ConnectionFlags connection;
  WaitFlags wait;
  Limits limits;
  std::vector<std::string> files;
  std::string contract;
  std::string format = "text";
  std::string diagnostics_format = "text";
  std::string diagnostics_file;  // empty: stderr
  std::string catalog_file;
  std::string config_file;
  std::vector<std::string> params;
  std::string journal;
  std::string download_dir;
  std::uint64_t page_size = 100;
  bool dry_run = false;
  bool wait_flag = false;
  bool skip_submitted = false;
  bool force = false;
};

// A stdio stream writing into memory (open_memstream), for a report that is written out whole.
class MemoryStream {
 public:
  MemoryStream() = default;
  MemoryStream(const MemoryStream&) = delete;
  MemoryStream& operator=(const MemoryStream&) = delete;
  ~MemoryStream() {
    if (stream_ != nullptr) std::fclose(stream_);
    std::free(buffer_);
  }

  bool open() { return (stream_ = open_memstream(&buffer_, &size_)) != nullptr; }
  std::FILE* get() const { return stream_; }
  // Everything written, once: the stream is closed.
  std::string take() {
    std::fclose(stream_);
    stream_ = nullptr;
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* stream_ = nullptr;
};

// Why the report or the journal would replace what the user wrote (an input, or the journal for the
// report), or nullopt.
std::optional<std::string> file_over_input(const SubmitFlags& flags, const std::vector<std::string>& inputs) {
  if (!flags.diagnostics_file.empty()) {
    std::vector<std::string> kept = inputs;
    if (!flags.journal.empty()) kept.push_back(flags.journal);
    if (output_overwriting_input({flags.diagnostics_file}, kept)) {
      return "--diagnostics-file '" + flags.diagnostics_file +
             "' is an input or the journal: writing the report would replace it";
    }
  }
  if (!flags.journal.empty() && output_overwriting_input({flags.journal}, inputs))
    return "--journal '" + flags.journal + "' is an input: appending to it would change it";
  return std::nullopt;
}

// Compiles every file as tfq compile does; false (after printing the diagnostics) when any has an error, an
// input is not a request, or a file cannot be read.
bool compile_all(const SubmitFlags& flags, std::vector<SubmitItem>& items, int* exit_code) {
  for (const std::string& operand : flags.files) {
    std::error_code ec;
    if (std::filesystem::is_directory(operand, ec) || input_kind_for(operand) != InputKind::where_clause)
      continue;
    print_error(operand + ": not a request: submit takes .tfq query files and .json request bodies");
    *exit_code = exit_usage;
    return false;
  }
  // The project file decides as for tfq compile: the catalog, the API of plain statements, severities.
  const std::optional<Project> project = load_project(flags.config_file, "submit");
  std::optional<LoadedCatalog> loaded;
  bool catalog_ok = project.has_value();
  CompileSettings settings;
  settings.limits = flags.limits;
  if (project) settings.catalog = project_catalog(*project, flags.catalog_file, "submit", loaded, catalog_ok);
  if (!catalog_ok) {
    *exit_code = exit_usage;
    return false;
  }
  if (project->config) {
    settings.default_target = project->config->target.value_or(Target::export_request);
    settings.severities = project->config->severities;
  }
  settings.format = parse_output_format(flags.diagnostics_format).value_or(OutputFormat::text);
  // The findings go to stderr, or into the --diagnostics-file, written whole once compiling is done (a
  // CI step that uploads it finds a complete report, also when there were no findings).
  MemoryStream report;
  if (!flags.diagnostics_file.empty() && !report.open()) {
    print_error("cannot keep the diagnostics in memory");
    *exit_code = exit_usage;
    return false;
  }
  settings.findings_stream = report.get() != nullptr ? report.get() : stderr;
  const CompiledInputs compiled = compile_inputs(flags.files, flags.params, settings, "submit");
  if (const auto clash = file_over_input(flags, compiled.files)) {
    print_error(*clash + "; nothing was sent");
    *exit_code = exit_usage;
    return false;
  }
  if (report.get() != nullptr) {
    if (const auto failed = write_files_atomically({{flags.diagnostics_file, report.take()}})) {
      print_error(*failed + ": nothing was sent");
      *exit_code = exit_usage;
      return false;
    }
  }
  if (compiled.exit_code != exit_ok) {
    if (compiled.exit_code == exit_findings) {
      print_error(flags.diagnostics_file.empty() ? std::string("nothing was sent: fix the errors above first")
                                                 : "nothing was sent: fix the errors reported in '" +
                                                       flags.diagnostics_file + "' first");
    }
    *exit_code = compiled.exit_code;
    return false;
  }
  std::map<std::string, std::size_t> per_file;
  for (const CompiledInput& input : compiled.requests) ++per_file[input.source_name];
  for (const CompiledInput& input : compiled.requests) {
    const CompiledRequest& request = input.request;
    const std::string& file = input.source_name;
    const std::string label = per_file[file] == 1 ? file : file + ":" + request.name;
    items.push_back(SubmitItem{file, label, request.name, request.target == Target::query, request.body,
                               send::sha256_hex(request.body)});
  }
  return true;
}

int print_dry_run(const SubmitFlags& flags, const std::vector<SubmitItem>& items) {
  int exit_code = exit_ok;
  auto client = make_client(flags.connection, false, &exit_code);
  if (!client) return exit_code;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const SubmitItem& item = items[i];
    const send::HttpRequest request = item.query ? client->query_creation(flags.contract, item.body, true)
                                                 : client->export_creation(flags.contract, item.body, true);
    if (flags.format == "text") {
      std::cout << (i > 0 ? "\n" : "") << request.method << ' ' << request.url << '\n';
      for (const auto& header : request.headers) std::cout << header.name << ": " << header.value << '\n';
      std::cout << '\n' << request.body << '\n';
      continue;
    }
    nlohmann::ordered_json headers = nlohmann::ordered_json::object();
    for (const auto& header : request.headers) headers[header.name] = header.value;
    all.push_back({{"file", item.file},
                   {"name", item.name},
                   {"method", request.method},
                   {"url", request.url},
                   {"headers", headers},
                   {"body", request.body}});
    if (flags.format == "jsonl") std::cout << all.back().dump() << '\n';
  }
  if (flags.format == "json") std::cout << all.dump(2) << '\n';
  return exit_ok;
}

nlohmann::ordered_json row_json(const SubmitRow& row) {
  nlohmann::ordered_json out;
  out["file"] = row.item->file;
  out["name"] = row.item->name;
  out["target"] = row.item->query ? "query" : "export";
  out[row.item->query ? "id" : "requestKey"] =
      row.key == "-" ? nlohmann::ordered_json() : nlohmann::ordered_json(row.key);
  out["status"] = row.status;
  out["outcome"] = std::string(send::to_string(row.outcome));
  if (!row.message.empty()) out["message"] = row.message;
  if (row.http_status != 0) out["httpStatus"] = row.http_status;
  out["attempts"] = row.attempts;
  out["bodySha256"] = row.item->body_sha256;
  if (!row.output.empty()) out["output"] = row.output;
  return out;
}

// The row's line on stdout (text, jsonl) and, when asked, its error on stderr.
void print_row(const SubmitFlags& flags, const SubmitRow& row, bool with_error) {
  if (flags.format == "text") {
    std::cout << row.key << '\t' << row.status << '\t' << row.item->label;
    if (!row.output.empty()) std::cout << '\t' << row.output;
    std::cout << std::endl;
  } else if (flags.format == "jsonl") {
    std::cout << row_json(row).dump() << std::endl;
  }
  if (with_error && row.outcome != send::Outcome::ok) print_error(row.item->label + ": " + row.message);
}

int run_submit(const SubmitFlags& flags) {
  std::vector<SubmitItem> items;
  int exit_code = exit_ok;
  if (!compile_all(flags, items, &exit_code)) return exit_code;
  if (flags.dry_run) return print_dry_run(flags, items);

  std::optional<send::JournalHistory> history;
  std::optional<send::Journal> journal;
  if (!flags.journal.empty()) {
    std::string error;
    if (flags.skip_submitted && !(history = send::read_journal(flags.journal, &error))) {
      print_error(error);
      return exit_usage;
    }
    auto opened = send::Journal::open(flags.journal, &error);
    if (!opened) {
      print_error(error);
      return exit_usage;
    }
    journal.emplace(std::move(*opened));
  }
  auto client = make_client(flags.connection, true, &exit_code);
  if (!client) return exit_code;

  const bool follow = flags.wait_flag || !flags.download_dir.empty();
  BatchOptions batch{flags.contract, journal ? &*journal : nullptr, history ? &*history : nullptr, {}};
  // Without --wait each line is final once sent, so it is printed at once (a long batch shows progress).
  if (!follow)
    batch.on_row = [&flags](const SubmitRow& row) { print_row(flags, row, flags.format != "json"); };
  std::vector<SubmitRow> rows = send_all(*client, items, batch);
  if (follow) {
    // Failures of the sending are reported now; the lines come once the rest has finished.
    std::vector<bool> reported;
    for (const SubmitRow& row : rows) {
      reported.push_back(row.outcome != send::Outcome::ok);
      if (reported.back()) print_error(row.item->label + ": " + row.message);
    }
    FollowOptions options{flags.contract,     poll_policy(flags.wait),
                          flags.download_dir, flags.download_dir.empty() ? "." : flags.download_dir,
                          flags.page_size,    flags.force};
    follow_all(*client, rows, options);
    for (std::size_t i = 0; i < rows.size(); ++i) print_row(flags, rows[i], !reported[i]);
  } else if (flags.format == "json") {
    for (const SubmitRow& row : rows) print_row(flags, row, true);
  }
  if (flags.format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const SubmitRow& row : rows) all.push_back(row_json(row));
    std::cout << all.dump(2) << '\n';
  }
  for (const SubmitRow& row : rows) exit_code = std::max(exit_code, exit_code_for(row.outcome));
  if (InterruptGuard::interrupted()) return 130;
  return exit_code;
}

}  // namespace

void register_submit(CLI::App& app, CommandRegistry& registry) {
  auto flags = std::make_shared<SubmitFlags>();
  auto* command =
      app.add_subcommand("submit", "Compile files and submit their export requests (and queries)");
  command
      ->add_option("FILE", flags->files,
                   ".tfq query files, .json request bodies, directories (every .tfq file below)")
      ->required();
  add_contract_flag(*command, flags->contract, false);
  command->add_option("--format", flags->format, "text (key, status, file), json or jsonl")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->capture_default_str();
  command
      ->add_option("--diagnostics-format", flags->diagnostics_format,
                   "Format of the compile findings: " + output_format_list())
      ->check(CLI::IsMember(
          std::vector<std::string>(std::begin(output_format_names), std::end(output_format_names))))
      ->capture_default_str();
  command->add_option("--diagnostics-file", flags->diagnostics_file,
                      "Write the compile findings to FILE (atomically, also when there are none) instead of "
                      "stderr");
  command->add_flag("--dry-run", flags->dry_run,
                    "print the exact HTTP requests (token redacted); send nothing");
  command->add_option("--catalog", flags->catalog_file,
                      "overlay a catalog file on the built-in catalog (instead of the project's)");
  command->add_option("--config", flags->config_file,
                      "the project file to use instead of the nearest .tfq.json");
  command->add_option("--param", flags->params, "NAME=VALUE for :NAME in query files")
      ->allow_extra_args(false);
  auto* journal =
      command->add_option("--journal", flags->journal, "append one JSON line per attempt to FILE");
  command->add_flag("--skip-submitted", flags->skip_submitted, "skip bodies the journal shows as accepted")
      ->needs(journal);
  command->add_flag("--wait", flags->wait_flag, "wait until each export is ready (and each query done)");
  command
      ->add_option("--download", flags->download_dir,
                   "wait, then download the CSV files into DIR (implies --wait)")
      ->check(CLI::ExistingDirectory);
  command->add_option("--page-size", flags->page_size, "rows per page when fetching query results")
      ->capture_default_str()
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000}));
  command->add_flag("--force", flags->force, "replace existing files when downloading");
  add_wait_flags(*command, flags->wait);
  add_limit_options(*command, flags->limits);
  add_connection_flags(*command, flags->connection);
  command->callback([flags, &registry] { registry.exit_code = run_submit(*flags); });
}

}  // namespace tfq::cli
