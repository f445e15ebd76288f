// Reading .tfq.json: the JSON reader gives positioned values; each key is checked here, and every
// problem becomes a diagnostic at the offending key or value, with the closest valid spelling as help.
#include <algorithm>
#include <array>
#include <filesystem>
#include <set>

#include "json/reader.hpp"
#include "tfq/catalog.hpp"
#include "tfq/config.hpp"
#include "tfq/input.hpp"

namespace tfq {
namespace {

using json::Value;

constexpr std::array<std::string_view, 5> kKeys = {"catalog", "target", "severity", "include", "exclude"};
constexpr std::array<std::string_view, 2> kTargets = {"export", "query"};
constexpr std::array<std::string_view, 3> kLevels = {"error", "warning", "off"};

class Reader {
 public:
  Reader(std::string_view directory, std::vector<Diagnostic>& diagnostics)
      : directory_(directory), diagnostics_(diagnostics) {}

  void read_document(const Value& root, Config& config) {
    config.directory = directory_;
    if (root.kind != Value::Kind::object) {
      wrong_type(root, "the project file", "an object, such as {\"exclude\": [\"build/**\"]}");
      return;
    }
    for (const json::Member& m : unique_members(root)) {
      if (m.key == "catalog") {
        read_catalog(m.value, config);
      } else if (m.key == "target") {
        read_target(m.value, config);
      } else if (m.key == "severity") {
        read_severities(m.value, config);
      } else if (m.key == "include") {
        read_globs(m, config.include);
      } else if (m.key == "exclude") {
        read_globs(m, config.exclude);
      } else {
        unknown(Code::config_unknown_key, m.key_range, "unknown key '" + m.key + "'", m.key, kKeys,
                "the keys are catalog, target, severity, include and exclude");
      }
    }
  }

 private:
  Diagnostic& report(Code code, SourceRange range, std::string message) {
    return diagnostics_.emplace_back(make_diagnostic(code, range, std::move(message)));
  }

  void wrong_type(const Value& value, std::string_view what, std::string_view expected) {
    report(Code::config_wrong_type, value.range,
           std::string(what) + " must be " + std::string(expected) + ", not " +
               std::string(json::to_string(value.kind)));
  }

  // A value that is none of `valid`: did-you-mean when one is close, else the list.
  template <std::size_t N>
  void unknown(Code code, SourceRange range, std::string message, std::string_view wrong,
               const std::array<std::string_view, N>& valid, std::string_view otherwise) {
    Diagnostic& d = report(code, range, std::move(message));
    std::string suggestion = closest_name(wrong, {valid.begin(), valid.end()});
    // Abbreviations ("warn") are too far from the word for the edit distance, but clear enough.
    for (std::size_t i = 0; i < N && suggestion.empty() && wrong.size() >= 3; ++i) {
      if (valid[i].starts_with(wrong)) suggestion = valid[i];
    }
    d.help = suggestion.empty() ? std::string(otherwise) : "did you mean '" + suggestion + "'?";
  }

  // Members of an object with repeated keys reported (and only the first of each kept).
  std::vector<json::Member> unique_members(const Value& object) {
    std::vector<json::Member> kept;
    for (const json::Member& m : object.members) {
      const auto first =
          std::find_if(kept.begin(), kept.end(), [&](const json::Member& k) { return k.key == m.key; });
      if (first == kept.end()) {
        kept.push_back(m);
        continue;
      }
      Diagnostic& d = report(Code::config_duplicate_key, m.key_range, "key '" + m.key + "' is given twice");
      d.labels.push_back({first->key_range, "first given here"});
      d.help = "keep one of them";
    }
    return kept;
  }

  void read_catalog(const Value& value, Config& config) {
    if (value.kind != Value::Kind::string)
      return wrong_type(value, "'catalog'", "a string: the path of a catalog file");
    if (value.text.empty()) {
      report(Code::config_bad_value, value.range, "'catalog' is empty").help =
          "give the path of a catalog file, relative to the directory of .tfq.json";
      return;
    }
    const std::filesystem::path path = std::filesystem::path(directory_) / value.text;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      report(Code::config_bad_value, value.range,
             "catalog file '" + path.lexically_normal().string() + "' does not exist")
          .help = "the path is relative to the directory of .tfq.json";
      return;
    }
    config.catalog = path.lexically_normal().string();
  }

  void read_target(const Value& value, Config& config) {
    if (value.kind != Value::Kind::string) return wrong_type(value, "'target'", "\"export\" or \"query\"");
    if (value.text == "export") {
      config.target = Target::export_request;
    } else if (value.text == "query") {
      config.target = Target::query;
    } else {
      unknown(Code::config_bad_value, value.range, "unknown target '" + value.text + "'", value.text,
              kTargets, "the targets are export and query");
    }
  }

  void read_severities(const Value& value, Config& config) {
    if (value.kind != Value::Kind::object) {
      return wrong_type(value, "'severity'", "an object of codes and levels, such as {\"TFQ215\": \"off\"}");
    }
    for (const json::Member& m : unique_members(value)) {
      const CodeInfo* code = find_code(m.key);
      if (code == nullptr) {
        Diagnostic& d =
            report(Code::config_bad_value, m.key_range, "unknown diagnostic code '" + m.key + "'");
        std::vector<std::string_view> names;
        for (const CodeInfo& c : all_codes()) {
          names.push_back(c.id);
          names.push_back(c.name);
        }
        const std::string suggestion = closest_name(m.key, names);
        d.help = suggestion.empty() ? "tfq explain-code --list lists every code"
                                    : "did you mean '" + suggestion + "'?";
        continue;
      }
      if (m.value.kind != Value::Kind::string) {
        wrong_type(m.value, "a severity", "\"error\", \"warning\" or \"off\"");
        continue;
      }
      const std::string& level = m.value.text;
      if (level == "error" || level == "warning") {
        config.severities.push_back({code->code, level == "error" ? Severity::error : Severity::warning});
      } else if (level == "off") {
        config.severities.push_back({code->code, std::nullopt});
      } else {
        unknown(Code::config_bad_value, m.value.range, "unknown severity '" + level + "'", level, kLevels,
                "the severities are error, warning and off");
      }
    }
  }

  void read_globs(const json::Member& m, std::vector<std::string>& globs) {
    const std::string what = "'" + m.key + "'";
    if (m.value.kind != Value::Kind::array) {
      return wrong_type(m.value, what, "an array of globs, such as [\"build/**\", \"*.tmp.where\"]");
    }
    for (const Value& item : m.value.items) {
      if (item.kind != Value::Kind::string) {
        wrong_type(item, "a glob", "a string");
      } else if (item.text.empty()) {
        report(Code::config_bad_value, item.range, "empty glob in " + what).help = "remove it";
      } else {
        globs.push_back(item.text);
      }
    }
  }

  std::string directory_;
  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace

ConfigResult read_config(const Source& source, std::string_view directory) {
  ConfigResult result;
  result.diagnostics = validate_input(source);
  if (!result.diagnostics.empty()) return result;
  json::ReadResult document = json::read(source);
  result.diagnostics = std::move(document.diagnostics);
  if (!document.value) return result;
  Config config;
  Reader(directory, result.diagnostics).read_document(*document.value, config);
  // Nested objects are read after their parent's keys: report in the order of the file.
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.range.begin < b.range.begin; });
  if (!has_errors(result.diagnostics)) result.config = std::move(config);
  return result;
}

}  // namespace tfq
