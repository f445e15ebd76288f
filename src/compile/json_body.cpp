// The JSON front end: a request body as written (like the reference sheet's examples) into the request
// model. Unknown keys, duplicate keys and wrong types are errors at their line:col; the where string is
// parsed on its decoded text and every range is mapped back into the file, escapes included.
#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "compile/front_end.hpp"
#include "json/reader.hpp"
#include "tfq/input.hpp"
#include "tfq/parse.hpp"

namespace tfq::compile_detail {
namespace {

using json::Value;

constexpr std::array<std::string_view, 5> kKeys = {"fields", "metrics", "usageCategory", "where",
                                                   "downloadFileName"};

RequestItem item_of(const Value& value) {
  return {value.text, value.range, value.range, value.origins};
}

// Removing an item takes one comma with it: the one before it, or after the first item the one after it.
void set_removals(RequestList& list) {
  auto& items = list.items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      items[i].removal = {items[i - 1].range.end, items[i].range.end};
    } else if (items.size() > 1) {
      items[i].removal = {items[0].range.begin, items[1].range.begin};
    }
  }
}

class BodyReader {
 public:
  BodyReader(const Source& source, const CompileOptions& options, FrontEnd& out)
      : source_(source), options_(options), out_(out) {}

  void read(const Value& root) {
    if (root.kind != Value::Kind::object) {
      wrong_type(root, "a request body is a JSON object");
      return;
    }
    Statement& statement = out_.statements.emplace_back();
    statement.request.target = options_.default_target;
    statement.request.notation = Notation::json_body;
    statement.request.range = root.range;
    statement.request.add_at = {root.range.end - 1, root.range.end - 1};
    if (!root.members.empty()) {
      const auto end = root.members.back().value.range.end;
      statement.request.add_at = {end, end};
    }
    std::map<std::string_view, SourceRange> seen;
    for (const auto& member : root.members) {
      if (!known_key(member)) continue;
      if (auto [it, inserted] = seen.emplace(member.key, member.key_range); !inserted) {
        auto& d =
            report(Code::json_duplicate_key, member.key_range, "key '" + member.key + "' is given twice");
        d.labels.push_back({it->second, "first given here"});
        d.help = "keep one of them";
        continue;
      }
      read_member(member, statement);
    }
  }

 private:
  const Source& source_;
  const CompileOptions& options_;
  FrontEnd& out_;

  Diagnostic& report(Code code, SourceRange range, std::string message) {
    return out_.diagnostics.emplace_back(make_diagnostic(code, range, std::move(message)));
  }

  void wrong_type(const Value& value, std::string expected) {
    report(Code::json_wrong_type, value.range,
           expected + ", found " + std::string(json::to_string(value.kind)));
  }

  bool known_key(const json::Member& member) {
    if (std::find(kKeys.begin(), kKeys.end(), member.key) != kKeys.end()) return true;
    auto& d = report(Code::json_unknown_key, member.key_range, "unknown key '" + member.key + "'");
    const std::string suggestion = closest_name(member.key, {kKeys.begin(), kKeys.end()});
    if (!suggestion.empty()) {
      d.help = "did you mean '" + suggestion + "'?";
      d.fixes.push_back({member.key_range, "\"" + suggestion + "\""});
    } else {
      d.notes.push_back(
          "a request body has the keys fields, metrics, usageCategory, where and downloadFileName");
    }
    return false;
  }

  void read_member(const json::Member& member, Statement& statement) {
    Request& request = statement.request;
    if (member.key == "where") return read_where(member.value, statement);
    if (member.key == "downloadFileName") {
      if (member.value.kind != Value::Kind::string) {
        statement.complete = false;
        return wrong_type(member.value, "downloadFileName takes a string");
      }
      request.download_file_name = item_of(member.value);
      return;
    }
    RequestList& list = member.key == "fields"    ? request.fields
                        : member.key == "metrics" ? request.metrics
                                                  : request.categories;
    if (!read_list(member, list)) statement.complete = false;
  }

  bool read_list(const json::Member& member, RequestList& list) {
    const Value& value = member.value;
    if (value.kind != Value::Kind::array) {
      auto& d = report(
          Code::json_wrong_type, value.range,
          "'" + member.key + "' takes an array of names, found " + std::string(json::to_string(value.kind)));
      if (value.kind == Value::Kind::string) {
        d.help = "put the name in an array";
        d.fixes.push_back({value.range, "[" +
                                            std::string(source_.text().substr(
                                                value.range.begin, value.range.end - value.range.begin)) +
                                            "]"});
      }
      return false;
    }
    list.present = true;
    list.range = value.range;
    list.append_at = {value.range.end - 1, value.range.end - 1};
    if (!value.items.empty()) list.append_at = {value.items.back().range.end, value.items.back().range.end};
    bool ok = true;
    for (const Value& element : value.items) {
      if (element.kind != Value::Kind::string) {
        report(Code::json_wrong_type, element.range,
               "'" + member.key + "' holds names as strings, found " +
                   std::string(json::to_string(element.kind)));
        ok = false;
        continue;
      }
      list.items.push_back(item_of(element));
    }
    set_removals(list);
    return ok;
  }

  void read_where(const Value& value, Statement& statement) {
    if (value.kind != Value::Kind::string) {
      statement.complete = false;
      return wrong_type(value, "where takes a string");
    }
    const Source where_source(source_.name(), value.text);
    const auto to_file = [&](SourceRange r) { return json::source_range(value, r); };
    // The file's bytes were checked, but an escape can still decode to a NUL (\u0000): the clause then
    // gets the check a .where file gets, at the escape.
    std::vector<Diagnostic> invalid = validate_input(where_source, options_.limits);
    if (!invalid.empty()) {
      for (auto& d : invalid) out_.diagnostics.push_back(map_diagnostic(std::move(d), to_file));
      statement.failed = true;
      return;
    }
    ParseResult parsed = parse_where(where_source, {.limits = options_.limits, .allow_parameters = false});
    for (auto& d : parsed.diagnostics) out_.diagnostics.push_back(map_diagnostic(std::move(d), to_file));
    if (parsed.expr) {
      map_ranges(*parsed.expr, to_file);
      statement.where = std::move(parsed.expr);
    } else {
      statement.failed = true;
    }
  }

  template <class Map>
  static void map_ranges(Expr& e, const Map& map) {
    e.range = map(e.range);
    e.op_range = map(e.op_range);
    e.subject.range = map(e.subject.range);
    for (auto& v : e.values) v.range = map(v.range);
    for (auto& child : e.children) map_ranges(child, map);
  }

  template <class Map>
  static Diagnostic map_diagnostic(Diagnostic d, const Map& map) {
    d.range = map(d.range);
    for (auto& label : d.labels) label.range = map(label.range);
    for (auto& fix : d.fixes) {
      fix.range = map(fix.range);
      fix.replacement = json_escape(fix.replacement);
    }
    return d;
  }
};

}  // namespace

std::string json_escape(std::string_view text) {
  const std::string quoted =
      nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return quoted.substr(1, quoted.size() - 2);
}

FrontEnd read_json_body(const Source& source, const CompileOptions& options) {
  FrontEnd out;
  json::ReadResult read = json::read(source);
  out.diagnostics = std::move(read.diagnostics);
  if (read.value) BodyReader(source, options, out).read(*read.value);
  return out;
}

}  // namespace tfq::compile_detail
