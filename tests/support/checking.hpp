// Helpers for the checker's tests: parse a clause, check it, and find ranges by their spelling.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tfq/check.hpp"
#include "tfq/parse.hpp"

namespace tfq::test {

// The range of the nth (0-based) occurrence of `needle` in `text`.
inline SourceRange range_of(const std::string& text, std::string_view needle, int nth = 0) {
  std::size_t pos = text.find(needle);
  while (nth-- > 0 && pos != std::string::npos) pos = text.find(needle, pos + 1);
  REQUIRE(pos != std::string::npos);
  return {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + needle.size())};
}

inline Expr parse(const std::string& text) {
  tfq::ParseOptions options;
  options.allow_parameters = true;
  tfq::ParseResult parsed = tfq::parse_where(tfq::Source("test.where", text), options);
  INFO(text);
  for (const Diagnostic& d : parsed.diagnostics) UNSCOPED_INFO(d.message);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.expr);
  return std::move(*parsed.expr);
}

inline std::vector<Diagnostic> check(const std::string& text, const tfq::CheckOptions& options = {},
                                     const tfq::Catalog& catalog = tfq::Catalog::builtin()) {
  return tfq::check_where(parse(text), catalog, options);
}

// The one finding of a clause.
inline Diagnostic only_finding(const std::string& text) {
  std::vector<Diagnostic> found = check(text);
  INFO(text);
  REQUIRE(found.size() == 1);
  return found.front();
}

inline std::vector<Code> codes_of(const std::vector<Diagnostic>& found) {
  std::vector<Code> codes;
  for (const Diagnostic& d : found) codes.push_back(d.code);
  return codes;
}

}  // namespace tfq::test
