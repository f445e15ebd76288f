// tfq catalog: the real binary's listing, JSON output, overlays and errors.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "support/process.hpp"
#include "tfq/catalog.hpp"

using tfq::test::run_tfq;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool has_line(const std::string& text, const std::string& line) {
  const auto lines = lines_of(text);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::string write_catalog(const std::string& content) {
  const std::string path = tfq::test::make_temp_dir() + "/extra.json";
  tfq::test::write_file(path, content);
  return path;
}

}  // namespace

TEST_CASE("tfq catalog lists every field, metric and enum in tables", "[catalog][cli]") {
  const auto result = run_tfq({"catalog"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 1 + 34 + 1 + 1 + 7 + 1 + 1 + 4);
  CHECK(lines[0].rfind("FIELD ", 0) == 0);
  CHECK(has_line(result.out,
                 "chargeCategory               enum chargeCategory  DESKTOP_PRODUCT, CLOUD_PRODUCT         * "
                 "       yes       FREE"));
  CHECK(has_line(result.out, "quantity        number   MANUAL_ADJUSTMENT, MANUAL_CONSUMPTION"));
  CHECK(has_line(result.out, "tokenPool       CY, MY"));
}

TEST_CASE("tfq catalog --format json prints the catalog in catalog.json's shape", "[catalog][cli]") {
  const auto result = run_tfq({"catalog", "--format", "json"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == tfq::Catalog::builtin().to_json());
}

TEST_CASE("tfq catalog shows named entries in detail", "[catalog][cli]") {
  const auto result = run_tfq({"catalog", "sessionStartDate", "tokenPool"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == R"(sessionStartDate
  kind           field
  type           datetime
  categories     DESKTOP_PRODUCT
  session-level  yes (export only)
  nullable       yes
  example        2018-03-01T16:24:53
  description    Start of the session, 'YYYY-MM-DDTHH:MM:SS', no zone

tokenPool
  kind           field
  type           enum tokenPool
  categories     MANUAL_ADJUSTMENT
  session-level  no
  nullable       yes
  example        CY
  description    Token pool of a manual adjustment (since 2023-08-11)

tokenPool
  kind     enum
  values   CY, MY
)");
}

TEST_CASE("tfq catalog reports an unknown name with did-you-mean", "[catalog][cli]") {
  const auto result = run_tfq({"catalog", "usrName"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err == "tfq catalog: no field, metric or enum named 'usrName'; did you mean 'userName'?\n");
}

TEST_CASE("tfq catalog --catalog overlays a user's catalog file", "[catalog][cli]") {
  const std::string path = write_catalog(
      R"({"fields": [{"name": "hubRegion", "type": "string", "categories": ["CLOUD_PRODUCT"], "example": "EMEA"}]})");
  const auto listing = run_tfq({"catalog", "--catalog", path});
  CHECK(listing.exit_code == 0);
  CHECK(has_line(listing.out,
                 "hubRegion                    string               CLOUD_PRODUCT                            "
                 "       no        EMEA"));
  const auto json = run_tfq({"catalog", "--catalog", path, "--format", "json", "hubRegion"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.find("\"name\": \"hubRegion\"") != std::string::npos);
  CHECK(json.out.find("\"name\": \"userName\"") == std::string::npos);
}

TEST_CASE("tfq catalog renders a malformed catalog's diagnostics and exits 1", "[catalog][cli]") {
  const std::string path = write_catalog("{\"fields\": [{\"name\": \"x\", \"type\": \"strng\"}]}\n");
  const auto result = run_tfq({"catalog", "--catalog", path});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err == path + R"(:1:35: error[TFQ603]: unknown type "strng"
 1 | {"fields": [{"name": "x", "type": "strng"}]}
   |                                   ^~~~~~~
   |                                   "string"
note: the types are string, date, month, datetime, integer, number and enum
help: did you mean "string"?
)");
}

TEST_CASE("tfq catalog exits 2 when the catalog file cannot be read or a flag is bad", "[catalog][cli]") {
  const auto missing = run_tfq({"catalog", "--catalog", "/nonexistent/extra.json"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err ==
        "tfq catalog: /nonexistent/extra.json: cannot read catalog file: No such file or directory\n");
  CHECK(run_tfq({"catalog", "--format", "xml"}).exit_code == 2);
}

TEST_CASE("tfq catalog lists the project's catalog, or the one --config names", "[catalog][cli][config]") {
  const std::string dir = tfq::test::make_temp_dir();
  tfq::test::write_file(dir + "/extra.json", R"({"fields": [{"name": "seats", "type": "integer"}]})");
  tfq::test::write_file(dir + "/project.json", R"({"catalog": "extra.json"})");
  tfq::test::ProcessOptions here;
  here.working_directory = dir;
  CHECK(run_tfq({"catalog", "seats"}, here).exit_code == 1);  // no project file found: the built-in one
  const auto named = run_tfq({"catalog", "--config", "project.json", "seats"}, here);
  CHECK(named.exit_code == 0);
  CHECK(named.out.find("seats") != std::string::npos);
  tfq::test::write_file(dir + "/.tfq.json", R"({"catalog": "extra.json"})");
  CHECK(run_tfq({"catalog", "seats"}, here).exit_code == 0);
}
