// Reads a catalog document's shape into patches: known keys, JSON types, type names and name syntax.
// Meaning (duplicates, enum references, categories) is checked when the patches are applied.
#include <algorithm>
#include <array>
#include <unordered_map>

#include "catalog/catalog_document.hpp"
#include "json/reader.hpp"
#include "text/word.hpp"

namespace tfq::detail {
namespace {

using JsonValue = json::Value;
using JsonMember = json::Member;
using Kind = JsonValue::Kind;

constexpr std::array<std::string_view, 2> kDocumentKeys = {"fields", "enums"};
constexpr std::array<std::string_view, 9> kFieldKeys = {
    "name", "metric", "type", "enum", "categories", "session_level", "nullable", "description", "example"};
constexpr std::array<std::string_view, 3> kEnumKeys = {"name", "values", "legacy"};
constexpr std::array<std::pair<std::string_view, FieldType>, 7> kTypeNames = {{
    {"string", FieldType::string},
    {"date", FieldType::date},
    {"month", FieldType::month},
    {"datetime", FieldType::datetime},
    {"integer", FieldType::integer},
    {"number", FieldType::number},
    {"enum", FieldType::enumeration},
}};

template <std::size_t N>
std::string join_quoted(const std::array<std::string_view, N>& names) {
  std::string out;
  for (std::string_view name : names) out += (out.empty() ? "\"" : ", \"") + std::string(name) + "\"";
  return out;
}

class DocumentReader {
 public:
  explicit DocumentReader(std::vector<Diagnostic>& out) : out_(out) {}
  bool ok() const { return ok_; }

  void read(const JsonValue& root, CatalogDocument& document) {
    if (!expect(root, Kind::object, {}, "a catalog is an object with \"fields\" and \"enums\" arrays"))
      return;
    for (const JsonMember* member : known_members(root, kDocumentKeys, "the catalog")) {
      if (!expect(member->value, Kind::array, member->key, "is an array of objects")) continue;
      for (const JsonValue& item : member->value.items) {
        if (member->key == "fields") {
          if (auto patch = read_field(item)) document.fields.push_back(std::move(*patch));
        } else if (auto patch = read_enum(item)) {
          document.enums.push_back(std::move(*patch));
        }
      }
    }
  }

 private:
  std::vector<Diagnostic>& out_;
  bool ok_ = true;

  void report(Code code, SourceRange range, std::string message, std::string help = {},
              std::vector<FixIt> fixes = {}) {
    Diagnostic d = make_diagnostic(code, range, std::move(message));
    d.help = std::move(help);
    d.fixes = std::move(fixes);
    out_.push_back(std::move(d));
    ok_ = false;
  }

  // The help is `"key" what`, or `what` alone without a key; built only when it is needed.
  bool expect(const JsonValue& value, Kind kind, std::string_view key, std::string_view what) {
    if (value.kind == kind) return true;
    std::string help = key.empty() ? std::string(what) : "\"" + std::string(key) + "\" " + std::string(what);
    report(Code::catalog_wrong_json_type, value.range,
           "expected " + std::string(json::to_string(kind)) + ", found " +
               std::string(json::to_string(value.kind)),
           std::move(help));
    return false;
  }

  // The members of an object whose keys are known and not repeated; reports the others.
  template <std::size_t N>
  std::vector<const JsonMember*> known_members(const JsonValue& object,
                                               const std::array<std::string_view, N>& keys,
                                               std::string_view where) {
    std::vector<const JsonMember*> known;
    std::unordered_map<std::string_view, SourceRange> seen;
    for (const JsonMember& member : object.members) {
      if (std::find(keys.begin(), keys.end(), member.key) == keys.end()) {
        report_unknown_key(member, keys, where);
      } else if (auto [it, fresh] = seen.emplace(member.key, member.key_range); !fresh) {
        report(Code::catalog_duplicate, member.key_range,
               "key \"" + member.key + "\" appears twice in " + std::string(where));
        out_.back().labels.push_back({it->second, "first given here"});
      } else {
        known.push_back(&member);
      }
    }
    return known;
  }

  template <std::size_t N>
  void report_unknown_key(const JsonMember& member, const std::array<std::string_view, N>& keys,
                          std::string_view where) {
    const std::vector<std::string_view> candidates(keys.begin(), keys.end());
    const std::string suggestion = closest_name(member.key, candidates);
    const std::string message = "unknown key \"" + member.key + "\" in " + std::string(where);
    if (suggestion.empty()) {
      report(Code::catalog_unknown_key, member.key_range, message, "the keys are " + join_quoted(keys));
    } else {
      report(Code::catalog_unknown_key, member.key_range, message, "did you mean \"" + suggestion + "\"?",
             {FixIt{member.key_range, "\"" + suggestion + "\""}});
    }
  }

  bool read_string(const JsonValue& value, Setting<std::string>& setting, std::string_view key,
                   std::string_view what) {
    if (!expect(value, Kind::string, key, what)) return false;
    setting = {value.text, value.range};
    return true;
  }

  void read_bool(const JsonValue& value, Setting<bool>& setting, std::string_view key) {
    if (expect(value, Kind::boolean, key, "is true or false")) setting = {value.text == "true", value.range};
  }

  void read_list(const JsonValue& value, Setting<StringList>& setting, std::string_view key) {
    if (!expect(value, Kind::array, key, "is an array of strings")) return;
    StringList list;
    for (const JsonValue& item : value.items) {
      if (!expect(item, Kind::string, key, "is an array of strings")) continue;
      if (item.text.empty())
        report(Code::catalog_invalid_value, item.range, "empty string in \"" + std::string(key) + "\"");
      list.items.push_back(item.text);
      list.ranges.push_back(item.range);
    }
    setting = {std::move(list), value.range};
  }

  void read_type(const JsonValue& value, Setting<FieldType>& setting) {
    if (!expect(value, Kind::string, "type", "is the name of a type")) return;
    auto it = std::find_if(kTypeNames.begin(), kTypeNames.end(),
                           [&](const auto& t) { return t.first == value.text; });
    if (it != kTypeNames.end()) {
      setting = {it->second, value.range};
      return;
    }
    std::vector<std::string_view> names;
    for (const auto& t : kTypeNames) names.push_back(t.first);
    const std::string suggestion = closest_name(value.text, names);
    if (suggestion.empty()) {
      report(Code::catalog_unknown_type, value.range, "unknown type \"" + value.text + "\"");
    } else {
      report(Code::catalog_unknown_type, value.range, "unknown type \"" + value.text + "\"",
             "did you mean \"" + suggestion + "\"?", {FixIt{value.range, "\"" + suggestion + "\""}});
    }
    out_.back().notes.push_back("the types are string, date, month, datetime, integer, number and enum");
  }

  // Reads "name", which every entry needs; false when it is missing or unusable.
  bool read_name(const JsonValue& entry, const JsonMember* name, std::string_view kind, std::string& out,
                 SourceRange& range) {
    if (name == nullptr) {
      report(Code::catalog_missing_key, entry.range, std::string(kind) + " entry lacks \"name\"");
      return false;
    }
    Setting<std::string> setting;
    if (!read_string(name->value, setting, "name", "is a string")) return false;
    if (!is_identifier(*setting.value)) {
      report(Code::catalog_invalid_value, setting.range,
             "\"" + *setting.value + "\" is not a valid " + std::string(kind) + " name",
             "names are identifiers: a letter or '_', then letters, digits or '_'");
      return false;
    }
    out = *setting.value;
    range = setting.range;
    return true;
  }

  static const JsonMember* find_member(const std::vector<const JsonMember*>& members, std::string_view key) {
    for (const JsonMember* m : members) {
      if (m->key == key) return m;
    }
    return nullptr;
  }

  std::optional<FieldPatch> read_field(const JsonValue& entry) {
    if (!expect(entry, Kind::object, {}, "each field is an object with \"name\", \"type\" and more"))
      return std::nullopt;
    const std::size_t reported = out_.size();
    FieldPatch patch;
    patch.entry = entry.range;
    const auto members = known_members(entry, kFieldKeys, "a field entry");
    const bool named = read_name(entry, find_member(members, "name"), "field", patch.name, patch.name_range);
    for (const JsonMember* m : members) {
      const JsonValue& v = m->value;
      if (m->key == "metric") read_bool(v, patch.metric, m->key);
      if (m->key == "session_level") read_bool(v, patch.session_level, m->key);
      if (m->key == "nullable") read_bool(v, patch.nullable, m->key);
      if (m->key == "type") read_type(v, patch.type);
      if (m->key == "enum") read_string(v, patch.enum_name, m->key, "is the name of an enum");
      if (m->key == "description") read_string(v, patch.description, m->key, "is a string");
      if (m->key == "example") read_string(v, patch.example, m->key, "is a string");
      if (m->key == "categories") read_list(v, patch.categories, m->key);
    }
    if (!named || out_.size() != reported) return std::nullopt;
    return patch;
  }

  std::optional<EnumPatch> read_enum(const JsonValue& entry) {
    if (!expect(entry, Kind::object, {}, "each enum is an object with \"name\" and \"values\""))
      return std::nullopt;
    const std::size_t reported = out_.size();
    EnumPatch patch;
    patch.entry = entry.range;
    const auto members = known_members(entry, kEnumKeys, "an enum entry");
    const bool named = read_name(entry, find_member(members, "name"), "enum", patch.name, patch.name_range);
    for (const JsonMember* m : members) {
      if (m->key == "values") read_list(m->value, patch.values, m->key);
      if (m->key == "legacy") read_list(m->value, patch.legacy, m->key);
    }
    if (!named || out_.size() != reported) return std::nullopt;
    return patch;
  }
};

}  // namespace

bool is_identifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), text::is_word_char);
}

std::optional<CatalogDocument> read_catalog_document(const Source& source,
                                                     std::vector<Diagnostic>& diagnostics) {
  json::ReadResult parsed = json::read(source);
  // The reader speaks of request bodies; in a catalog file, a JSON error is the catalog's own.
  for (Diagnostic& d : parsed.diagnostics) {
    if (d.code == Code::json_syntax || d.code == Code::json_too_deep) d.code = Code::catalog_syntax_error;
    diagnostics.push_back(std::move(d));
  }
  std::optional<JsonValue>& root = parsed.value;
  if (!root) return std::nullopt;
  CatalogDocument document;
  DocumentReader reader(diagnostics);
  const std::size_t first = diagnostics.size();
  reader.read(*root, document);
  // Keys are checked before values, so put the findings back in source order.
  std::stable_sort(diagnostics.begin() + static_cast<std::ptrdiff_t>(first), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.range.begin < b.range.begin; });
  if (!reader.ok()) return std::nullopt;
  return document;
}

}  // namespace tfq::detail
