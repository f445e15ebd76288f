// Fuzz target: a catalog overlay file (the positioned JSON reader, the document's shape, applying it).
// Either the overlay applies and its JSON reads back unchanged, or every problem is a positioned diagnostic.
#include <cstddef>
#include <cstdint>

#include "support.hpp"
#include "tfq/catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tfq::Source source("fuzz.json", tfq::fuzz::as_text(data, size));
  std::vector<tfq::Diagnostic> diagnostics;
  const std::optional<tfq::Catalog> catalog = tfq::Catalog::builtin().with_overlay(source, diagnostics);
  for (const tfq::Diagnostic& d : diagnostics) tfq::fuzz::check_diagnostic(source, d);
  FUZZ_CHECK(catalog.has_value() == diagnostics.empty());
  if (catalog) {
    FUZZ_CHECK(catalog->entries().size() >= tfq::Catalog::builtin().entries().size());
    const std::string json = catalog->to_json();
    std::vector<tfq::Diagnostic> again;
    const std::optional<tfq::Catalog> reread = tfq::Catalog::parse(tfq::Source("again.json", json), again);
    FUZZ_CHECK(reread && reread->to_json() == json);
  }
  return 0;
}
