// The field catalog: the built-in catalog against the reference sheet, overlays, malformed catalogs
// (every TFQ6xx code) and did-you-mean.
#include "tfq/catalog.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/process.hpp"

using tfq::Catalog;
using tfq::Code;
using tfq::Diagnostic;
using tfq::FieldType;
using tfq::Source;
using tfq::SourceRange;

namespace {

// The range of the n-th occurrence (0-based) of `needle` in `text`.
SourceRange range_of(const std::string& text, const std::string& needle, int occurrence = 0) {
  std::size_t at = text.find(needle);
  while (occurrence-- > 0 && at != std::string::npos) at = text.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

struct Overlaid {
  std::optional<Catalog> catalog;
  std::vector<Diagnostic> diagnostics;
};

Overlaid overlay(const std::string& text) {
  Overlaid result;
  result.catalog = Catalog::builtin().with_overlay(Source("user.json", text), result.diagnostics);
  return result;
}

// A malformed overlay's one diagnostic.
Diagnostic only_problem(const std::string& text) {
  Overlaid result = overlay(text);
  CHECK_FALSE(result.catalog);
  REQUIRE(result.diagnostics.size() == 1);
  return result.diagnostics.front();
}

// One row of the reference sheet's field table (section 2), transcribed.
struct SheetRow {
  const char* name;
  FieldType type;
  std::vector<std::string> categories;  // empty = all
  bool session_level;
};

const std::vector<SheetRow>& sheet_fields() {
  const std::string D = "DESKTOP_PRODUCT", C = "CLOUD_PRODUCT", MA = "MANUAL_ADJUSTMENT",
                    MC = "MANUAL_CONSUMPTION";
  static const std::vector<SheetRow> rows = [&] {
    std::vector<SheetRow> r = {
        {"productLineCode", FieldType::string, {}, false},    {"productName", FieldType::string, {}, false},
        {"userName", FieldType::string, {}, false},           {"usageDate", FieldType::date, {}, false},
        {"usageMonth", FieldType::month, {}, false},          {"contractYear", FieldType::integer, {}, false},
        {"usageCategory", FieldType::enumeration, {}, false}, {"chargedItemID", FieldType::string, {}, true},
    };
    for (const char* custom :
         {"customField1", "customField2", "customField3", "customField4", "customField5", "customField6",
          "customField7", "customField8", "customField9", "customField10"}) {
      r.push_back({custom, FieldType::string, {}, false});
    }
    std::vector<SheetRow> rest = {
        {"chargeCategory", FieldType::enumeration, {D, C}, true},
        {"sessionStartDate", FieldType::datetime, {D}, true},
        {"sessionEndDate", FieldType::datetime, {D}, true},
        {"productVersion", FieldType::string, {D}, false},
        {"productFeatureCode", FieldType::string, {D}, false},
        {"machineName", FieldType::string, {D}, false},
        {"licenseServerName", FieldType::string, {D}, false},
        {"licenseServerTimeZoneOffset", FieldType::string, {D}, true},
        {"usageType", FieldType::enumeration, {D}, false},
        {"hubId", FieldType::string, {C}, true},
        {"hubName", FieldType::string, {C}, true},
        {"tokenPool", FieldType::enumeration, {MA}, false},
        {"transactionDate", FieldType::date, {MA, MC}, true},
        {"reasonType", FieldType::string, {MA, MC}, false},
        {"reasonComment", FieldType::string, {MA, MC}, true},
        {"jobStatus", FieldType::string, {"CLOUD_SERVICE"}, true},
    };
    r.insert(r.end(), rest.begin(), rest.end());
    return r;
  }();
  return rows;
}

}  // namespace

TEST_CASE("the built-in catalog lists the reference sheet's fields in the sheet's order", "[catalog]") {
  const auto& entries = Catalog::builtin().entries();
  const auto& rows = sheet_fields();
  REQUIRE(rows.size() == 34);
  REQUIRE(entries.size() == rows.size() + 7);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO(rows[i].name);
    CHECK(entries[i].name == rows[i].name);
    CHECK_FALSE(entries[i].metric);
    CHECK(entries[i].type == rows[i].type);
    CHECK(entries[i].categories == rows[i].categories);
    CHECK(entries[i].session_level == rows[i].session_level);
  }
}

TEST_CASE("the built-in catalog flags the seven metrics with their types", "[catalog]") {
  const Catalog& catalog = Catalog::builtin();
  const std::vector<std::pair<std::string, FieldType>> metrics = {
      {"uniqueProducts", FieldType::integer}, {"uniqueUsers", FieldType::integer},
      {"tokensConsumed", FieldType::number},  {"usageMinutes", FieldType::number},
      {"useCount", FieldType::integer},       {"usageHours", FieldType::number},
      {"quantity", FieldType::number}};
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    const tfq::FieldInfo& entry = catalog.entries()[34 + i];
    INFO(metrics[i].first);
    CHECK(entry.name == metrics[i].first);
    CHECK(entry.metric);
    CHECK(entry.type == metrics[i].second);
  }
  CHECK(catalog.find("usageHours")->categories == std::vector<std::string>{"DESKTOP_PRODUCT"});
  CHECK(catalog.find("quantity")->categories ==
        std::vector<std::string>{"MANUAL_ADJUSTMENT", "MANUAL_CONSUMPTION"});
}

TEST_CASE(
    "the built-in catalog makes general fields non-null and category-specific or custom fields nullable",
    "[catalog]") {
  const Catalog& catalog = Catalog::builtin();
  for (const char* general : {"productLineCode", "userName", "usageDate", "usageMonth", "contractYear",
                              "usageCategory", "chargedItemID"}) {
    INFO(general);
    CHECK_FALSE(catalog.find(general)->nullable);
  }
  for (const char* nullable : {"customField1", "customField10", "chargeCategory", "productVersion", "hubName",
                               "tokenPool", "jobStatus"}) {
    INFO(nullable);
    CHECK(catalog.find(nullable)->nullable);
  }
}

TEST_CASE("the built-in catalog holds the four enums and usageCategory's legacy values", "[catalog]") {
  const Catalog& catalog = Catalog::builtin();
  REQUIRE(catalog.enums().size() == 4);
  const tfq::EnumInfo* usage = catalog.find_enum("usageCategory");
  REQUIRE(usage);
  CHECK(usage->values == std::vector<std::string>{"DESKTOP_PRODUCT", "CLOUD_PRODUCT", "CLOUD_SERVICE",
                                                  "MANUAL_ADJUSTMENT", "MANUAL_CONSUMPTION"});
  CHECK(usage->legacy_values ==
        std::vector<std::string>{"PRODUCT_CONSUMPTION", "CLOUD_CONSUMPTION", "CLOUD_PRODUCT_CONSUMPTION"});
  CHECK(usage->is_legacy("CLOUD_CONSUMPTION"));
  CHECK_FALSE(usage->has_value("CLOUD_CONSUMPTION"));
  CHECK(catalog.find_enum("chargeCategory")->values ==
        std::vector<std::string>{"CASUAL", "INCREMENTAL", "CHARGED", "FREE"});
  CHECK(catalog.find_enum("usageType")->values == std::vector<std::string>{"Normal", "Borrowed"});
  CHECK(catalog.find_enum("tokenPool")->values == std::vector<std::string>{"CY", "MY"});
  CHECK(catalog.find("tokenPool")->enum_name == "tokenPool");
  CHECK(catalog.find("usageCategory")->enum_name == "usageCategory");
}

TEST_CASE("catalog look-ups are exact and give the canonical position", "[catalog]") {
  const Catalog& catalog = Catalog::builtin();
  REQUIRE(catalog.find("userName"));
  CHECK(catalog.index_of(*catalog.find("userName")) == 2);
  CHECK(catalog.find("username") == nullptr);
  CHECK(catalog.find("") == nullptr);
  CHECK(catalog.find_enum("nope") == nullptr);
  CHECK(catalog.find("sessionStartDate")->example == "2018-03-01T16:24:53");
}

TEST_CASE("the built-in tables are what the catalog reader makes of grammar/catalog.json", "[catalog]") {
  // The tables are generated at build time without the reader's checks: this is where the document is
  // checked, and where a generator that dropped or misread a key would show.
  const std::string document = tfq::test::read_file(TFQ_SOURCE_DIR "/grammar/catalog.json");
  REQUIRE_FALSE(document.empty());
  std::vector<Diagnostic> diagnostics;
  const std::optional<Catalog> read = Catalog::parse(Source("grammar/catalog.json", document), diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(read);
  CHECK(Catalog::builtin().to_json() == read->to_json());
  // to_json() leaves out the enum name of a field that is not an enum: the reader clears it.
  for (const tfq::FieldInfo& field : Catalog::builtin().entries()) {
    if (field.type != FieldType::enumeration) CHECK(field.enum_name.empty());
  }
}

TEST_CASE("the catalog written as JSON reads back unchanged", "[catalog]") {
  const std::string json = Catalog::builtin().to_json();
  std::vector<Diagnostic> diagnostics;
  std::optional<Catalog> again = Catalog::parse(Source("round-trip.json", json), diagnostics);
  REQUIRE(again);
  CHECK(diagnostics.empty());
  CHECK(again->to_json() == json);
}

TEST_CASE("an overlay adds fields and metrics at the end and enum values to an enum", "[catalog][overlay]") {
  Overlaid result = overlay(R"({
    "fields": [
      {"name": "hubRegion", "type": "string", "categories": ["CLOUD_PRODUCT"], "nullable": true, "session_level": true},
      {"name": "cloudCredits", "metric": true, "type": "number"}
    ],
    "enums": [{"name": "tokenPool", "values": ["CY", "XY"]}]
  })");
  REQUIRE(result.catalog);
  CHECK(result.diagnostics.empty());
  const auto& entries = result.catalog->entries();
  REQUIRE(entries.size() == 43);
  CHECK(entries[41].name == "hubRegion");
  CHECK(entries[41].session_level);
  CHECK(entries[41].categories == std::vector<std::string>{"CLOUD_PRODUCT"});
  CHECK(entries[42].metric);
  CHECK(result.catalog->find("cloudCredits")->type == FieldType::number);
  CHECK(result.catalog->find_enum("tokenPool")->values == std::vector<std::string>{"CY", "MY", "XY"});
  // The base catalog is unchanged.
  CHECK(Catalog::builtin().find("hubRegion") == nullptr);
}

TEST_CASE("an overlay overrides an existing entry key by key, keeping its position", "[catalog][overlay]") {
  Overlaid result = overlay(R"({"fields": [{"name": "productVersion", "type": "integer"},
                                           {"name": "hubName", "description": "the hub"}]})");
  REQUIRE(result.catalog);
  const tfq::FieldInfo* version = result.catalog->find("productVersion");
  CHECK(version->type == FieldType::integer);
  CHECK(version->categories == std::vector<std::string>{"DESKTOP_PRODUCT"});
  CHECK(result.catalog->index_of(*version) ==
        Catalog::builtin().index_of(*Catalog::builtin().find("productVersion")));
  CHECK(result.catalog->find("hubName")->description == "the hub");
  CHECK(result.catalog->find("hubName")->type == FieldType::string);
}

TEST_CASE("an overlay may define an enum and a field of that enum together", "[catalog][overlay]") {
  Overlaid result = overlay(R"({"fields": [{"name": "region", "type": "enum", "enum": "region"}],
                                "enums": [{"name": "region", "values": ["EMEA", "AMER"]}]})");
  REQUIRE(result.catalog);
  CHECK(result.catalog->find("region")->enum_name == "region");
  CHECK(result.catalog->find_enum("region")->values.size() == 2);
}

TEST_CASE("overriding an enum field's type to string drops its enum", "[catalog][overlay]") {
  Overlaid result = overlay(R"({"fields": [{"name": "usageType", "type": "string"}]})");
  REQUIRE(result.catalog);
  CHECK(result.catalog->find("usageType")->enum_name.empty());
}

TEST_CASE("a catalog that is not valid JSON is reported at the offending character", "[catalog][malformed]") {
  const std::string text = "{\n  \"fields\": [\n    {\"name\": \"a\", \"type\": \"string\",}\n  ]\n}";
  Overlaid result = overlay(text);
  REQUIRE(result.diagnostics.size() == 1);
  const Diagnostic& d = result.diagnostics[0];
  CHECK(d.code == Code::catalog_syntax_error);
  CHECK(d.message == "JSON does not allow a trailing comma");
  CHECK(d.range.begin == range_of(text, ",}").begin);
  CHECK(Source("user.json", text).line_column(d.range.begin) == tfq::LineColumn{3, 35});
}

TEST_CASE("catalog JSON syntax errors say what was expected", "[catalog][malformed]") {
  struct Case {
    std::string text, message, at;
  };
  const std::vector<Case> cases = {
      {R"({"fields": [)", "expected a JSON value, found the end of the file", ""},
      {R"({"fields" [])", "expected ':' after the key, found '['", "["},
      {R"({"fields": [] "enums": []})", "expected ',' or '}' after an object member, found '\"'", "\"enums"},
      {R"({'fields': []})", "JSON keys take double quotes, not single quotes", "'"},
      {R"({"fields": [1 2]})", "expected ',' or ']' after an array element, found '2'", "2"},
      {R"({"fields": []} x)", "unexpected 'x' after the JSON value", "x"},
      {R"({"fields": "ab)", "unterminated string", "\"ab"},
      {R"({"fields": "a\qb"})", "invalid escape '\\q' in a string", "\\q"},
      {R"({"fields": [tru]})", "expected a JSON value, found 't'", "tru"},
      {R"({"fields": -})", "expected a digit after '-'", "}"},
      {"// comment\n{}", "JSON does not allow comments", "//"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Diagnostic d = only_problem(c.text);
    CHECK(d.code == Code::catalog_syntax_error);
    CHECK(d.message == c.message);
    if (c.at.empty()) {
      CHECK(d.range == SourceRange{static_cast<std::uint32_t>(c.text.size()),
                                   static_cast<std::uint32_t>(c.text.size())});
    } else {
      CHECK(d.range.begin == range_of(c.text, c.at).begin);
    }
  }
}

TEST_CASE("catalog strings decode escapes, surrogate pairs and reject invalid UTF-8",
          "[catalog][malformed]") {
  Overlaid ok = overlay(
      R"({"fields": [{"name": "x", "type": "string", "description": "caf\u00e9 \ud83d\ude00 \"q\""}]})");
  REQUIRE(ok.catalog);
  CHECK(ok.catalog->find("x")->description == "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\"");
  CHECK(only_problem("{\"fields\": \"\xC3\x28\"}").message == "invalid UTF-8");
  CHECK(only_problem(R"({"fields": "\ud83d"})").message ==
        "high surrogate not followed by a low surrogate escape");
}

TEST_CASE("catalog nesting deeper than the limit is a diagnostic, not a stack overflow",
          "[catalog][malformed]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const Diagnostic d = only_problem(deep);
  CHECK(d.message == "JSON nested too deeply (limit is 64)");
  CHECK(d.range.begin == 64);
}

TEST_CASE("an unknown key in a catalog entry suggests the closest key with a fix-it",
          "[catalog][malformed]") {
  const std::string text = R"({"fields": [{"name": "x", "type": "string", "sesion_level": true}]})";
  const Diagnostic d = only_problem(text);
  CHECK(d.code == Code::catalog_unknown_key);
  CHECK(d.message == "unknown key \"sesion_level\" in a field entry");
  CHECK(d.range == range_of(text, "\"sesion_level\""));
  CHECK(d.help == "did you mean \"session_level\"?");
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].replacement == "\"session_level\"");
  CHECK(only_problem(R"({"tables": []})").help == "the keys are \"fields\", \"enums\"");
}

TEST_CASE("a catalog value of the wrong JSON type says what the key holds", "[catalog][malformed]") {
  const std::string text = R"({"fields": [{"name": "x", "type": "string", "nullable": "yes"}]})";
  const Diagnostic d = only_problem(text);
  CHECK(d.code == Code::catalog_wrong_json_type);
  CHECK(d.message == "expected a boolean, found a string");
  CHECK(d.range == range_of(text, "\"yes\""));
  CHECK(d.help == "\"nullable\" is true or false");
  CHECK(only_problem("[]").help == "a catalog is an object with \"fields\" and \"enums\" arrays");
  CHECK(only_problem(R"({"fields": {}})").message == "expected an array, found an object");
}

TEST_CASE("an unknown type name suggests the closest type", "[catalog][malformed]") {
  const std::string text = R"({"fields": [{"name": "x", "type": "strng"}]})";
  const Diagnostic d = only_problem(text);
  CHECK(d.code == Code::catalog_unknown_type);
  CHECK(d.message == "unknown type \"strng\"");
  CHECK(d.range == range_of(text, "\"strng\""));
  CHECK(d.help == "did you mean \"string\"?");
  CHECK(d.fixes.at(0).replacement == "\"string\"");
  CHECK(d.notes ==
        std::vector<std::string>{"the types are string, date, month, datetime, integer, number and enum"});
  CHECK(only_problem(R"({"fields": [{"name": "x", "type": "blob"}]})").help.empty());
}

TEST_CASE("an enum field naming a missing enum is reported at the enum name", "[catalog][malformed]") {
  const std::string text = R"({"fields": [{"name": "pool", "type": "enum", "enum": "tokenpool"}]})";
  const Diagnostic d = only_problem(text);
  CHECK(d.code == Code::catalog_unknown_enum);
  CHECK(d.message == "field \"pool\" names enum \"tokenpool\", which the catalog lacks");
  CHECK(d.range == range_of(text, "\"tokenpool\""));
  CHECK(d.help == "did you mean \"tokenPool\"?");
  CHECK(d.fixes.at(0).replacement == "\"tokenPool\"");
}

TEST_CASE("names defined twice in a catalog file point at the first definition", "[catalog][malformed]") {
  const std::string fields =
      R"({"fields": [{"name": "a", "type": "string"}, {"name": "a", "type": "date"}]})";
  const Diagnostic d = only_problem(fields);
  CHECK(d.code == Code::catalog_duplicate);
  CHECK(d.message == "field \"a\" is defined twice in this file");
  CHECK(d.range == range_of(fields, "\"a\"", 1));
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].range == range_of(fields, "\"a\"", 0));
  CHECK(d.labels[0].message == "first defined here");

  const std::string keys = R"({"fields": [], "fields": []})";
  CHECK(only_problem(keys).message == "key \"fields\" appears twice in the catalog");
  const std::string values = R"({"enums": [{"name": "e", "values": ["A", "B", "A"]}]})";
  const Diagnostic v = only_problem(values);
  CHECK(v.message == "\"A\" is listed twice in \"values\"");
  CHECK(v.range == range_of(values, "\"A\"", 1));
}

TEST_CASE("catalog entries lacking a required key are reported", "[catalog][malformed]") {
  const std::string nameless = R"({"fields": [{"type": "string"}]})";
  const Diagnostic d = only_problem(nameless);
  CHECK(d.code == Code::catalog_missing_key);
  CHECK(d.message == "field entry lacks \"name\"");
  CHECK(d.range == range_of(nameless, R"({"type": "string"})"));
  const std::string untyped = R"({"fields": [{"name": "hubRegion"}]})";
  CHECK(only_problem(untyped).message == "new field \"hubRegion\" lacks \"type\"");
  CHECK(only_problem(untyped).range == range_of(untyped, "\"hubRegion\""));
  CHECK(only_problem(R"({"enums": [{"name": "e"}]})").message == "new enum \"e\" lacks \"values\"");
  CHECK(only_problem(R"({"fields": [{"name": "e", "type": "enum"}]})").message ==
        "field \"e\" of type \"enum\" lacks \"enum\"");
}

TEST_CASE("invalid values in catalog entries are reported with a fix where there is one",
          "[catalog][malformed]") {
  const std::string bad_name = R"({"fields": [{"name": "hub region", "type": "string"}]})";
  const Diagnostic n = only_problem(bad_name);
  CHECK(n.code == Code::catalog_invalid_value);
  CHECK(n.message == "\"hub region\" is not a valid field name");
  CHECK(n.help == "names are identifiers: a letter or '_', then letters, digits or '_'");

  const std::string category =
      R"({"fields": [{"name": "x", "type": "string", "categories": ["DESKTOP_PRODUCTS"]}]})";
  const Diagnostic c = only_problem(category);
  CHECK(c.message == "unknown usage category \"DESKTOP_PRODUCTS\"");
  CHECK(c.range == range_of(category, "\"DESKTOP_PRODUCTS\""));
  CHECK(c.fixes.at(0).replacement == "\"DESKTOP_PRODUCT\"");

  const std::string stray_enum = R"({"fields": [{"name": "x", "type": "string", "enum": "usageType"}]})";
  CHECK(only_problem(stray_enum).message == "\"enum\" is only for fields of type \"enum\"");
  CHECK(only_problem(stray_enum).range == range_of(stray_enum, "\"usageType\""));
}

TEST_CASE("a malformed catalog reports every problem, not only the first", "[catalog][malformed]") {
  Overlaid result = overlay(R"({"fields": [{"name": "a", "type": "strin"}, {"name": "b", "typ": "date"}],
                                "enums": [{"name": "e", "values": [1]}]})");
  CHECK_FALSE(result.catalog);
  std::vector<Code> codes;
  for (const Diagnostic& d : result.diagnostics) codes.push_back(d.code);
  CHECK(codes == std::vector<Code>{Code::catalog_unknown_type, Code::catalog_unknown_key,
                                   Code::catalog_wrong_json_type});
}

TEST_CASE("loading a catalog overlay that cannot be read is an I/O problem", "[catalog][overlay]") {
  tfq::LoadedCatalog loaded = tfq::load_catalog_overlay("/nonexistent/catalog.json");
  CHECK_FALSE(loaded.catalog);
  CHECK(loaded.unreadable);
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics[0].code == Code::catalog_unreadable);
  CHECK(loaded.diagnostics[0].message == "cannot read catalog file: No such file or directory");
  CHECK(tfq::load_catalog_overlay(tfq::test::make_temp_dir()).diagnostics.at(0).message ==
        "cannot read catalog file: Is a directory");
}

TEST_CASE("loading a catalog overlay applies it over the built-in catalog", "[catalog][overlay]") {
  const std::string path = tfq::test::make_temp_dir() + "/extra.json";
  tfq::test::write_file(path, R"({"fields": [{"name": "hubRegion", "type": "string"}]})");
  tfq::LoadedCatalog loaded = tfq::load_catalog_overlay(path);
  REQUIRE(loaded.catalog);
  CHECK_FALSE(loaded.unreadable);
  CHECK(loaded.catalog->find("hubRegion"));
  CHECK(loaded.source.name() == path);
}

TEST_CASE("did-you-mean prefers a case-insensitive match, then the smallest edit distance",
          "[catalog][closest]") {
  const std::vector<std::string_view> names = {"userName",    "usageDate", "usageMonth",
                                               "productName", "CY",        "MY"};
  CHECK(tfq::closest_name("username", names) == "userName");
  CHECK(tfq::closest_name("USERNAME", names) == "userName");
  CHECK(tfq::closest_name("usrName", names) == "userName");
  CHECK(tfq::closest_name("uesrName", names) == "userName");  // a swap is one edit
  CHECK(tfq::closest_name("usageMoth", names) == "usageMonth");
  CHECK(tfq::closest_name("prodctName", names) == "productName");
  CHECK(tfq::closest_name("cy", names) == "CY");
  CHECK(tfq::closest_name("hubRegion", names).empty());
  CHECK(tfq::closest_name("x", names).empty());
  CHECK(tfq::closest_name("anything", {}).empty());
}
