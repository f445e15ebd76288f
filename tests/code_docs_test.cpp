// The code explanations (src/docs/codes.md): every code has one, with an example and a fix, and every section
// belongs to a code, so a code added without its explanation fails here.
#include "tfq/code_docs.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "docs/code_sections.hpp"
#include "support/process.hpp"

namespace {

std::string code_docs() {
  return tfq::test::read_file(std::string(TFQ_SOURCE_DIR) + "/src/docs/codes.md");
}

}  // namespace

TEST_CASE("every diagnostic code has an explanation with an example and a fix", "[code_docs]") {
  for (const tfq::CodeInfo& code : tfq::all_codes()) {
    const tfq::CodeExplanation explanation = tfq::explain(code.code);
    INFO(code.id << " " << code.name << " needs a section '## " << code.id << " " << code.name
                 << "' in src/docs/codes.md");
    CHECK_FALSE(explanation.summary.empty());
    CHECK(explanation.markdown.find("\nExample") != std::string_view::npos);
    CHECK(explanation.markdown.find("\nFix") != std::string_view::npos);
  }
}

TEST_CASE("every section of the code explanations names an existing code once", "[code_docs]") {
  const std::string markdown = code_docs();
  std::set<std::string_view> seen;
  for (const auto& section : tfq::docs::split_code_sections(markdown)) {
    INFO("section '## " << section.id << " " << section.name << "'");
    const tfq::CodeInfo* code = tfq::find_code(section.id);
    REQUIRE(code != nullptr);
    CHECK(code->name == section.name);
    CHECK(seen.insert(section.id).second);
  }
  CHECK(seen.size() == tfq::all_codes().size());
}

TEST_CASE("code sections run from their heading to the next heading", "[code_docs]") {
  const auto sections = tfq::docs::split_code_sections(
      "# Title\nintro\n\n## TFQ1 one\n\nFirst para\nstill first.\n\nSecond.\n\n## Other\ntext\n"
      "## TFQ2 two\r\nbody two\r\n");
  REQUIRE(sections.size() == 2);
  CHECK(sections[0].id == "TFQ1");
  CHECK(sections[0].name == "one");
  CHECK(sections[0].body == "First para\nstill first.\n\nSecond.");
  CHECK(tfq::docs::first_paragraph(sections[0].body) == "First para\nstill first.");
  CHECK(sections[1].id == "TFQ2");
  CHECK(sections[1].body == "body two");
}

TEST_CASE("the compiled-in explanation is the text of src/docs/codes.md", "[code_docs]") {
  const std::string markdown = code_docs();
  const auto sections = tfq::docs::split_code_sections(markdown);
  REQUIRE_FALSE(sections.empty());
  const tfq::CodeInfo* code = tfq::find_code(sections.front().id);
  REQUIRE(code != nullptr);
  CHECK(tfq::explain(code->code).markdown == sections.front().body);
}
