// --catalog FILE: reads a user's catalog file and applies it over a base catalog. Every command that
// takes --catalog calls this, so they all report the same diagnostics.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "tfq/catalog.hpp"
#include "tfq/input.hpp"

namespace tfq {
namespace {

// The file's bytes, or the reason it cannot be read (a directory opens but does not read).
bool read_whole_file(const std::string& path, std::string& text, std::string& reason) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    reason = std::strerror(errno);
    return false;
  }
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, n);
  if (std::ferror(file.get())) {
    reason = std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace

LoadedCatalog load_catalog_overlay(const std::string& path, const Catalog& base) {
  std::string text, reason;
  if (!read_whole_file(path, text, reason)) {
    LoadedCatalog loaded{Source(path, ""), std::nullopt, {}, true};
    loaded.diagnostics.push_back(
        make_diagnostic(Code::catalog_unreadable, {}, "cannot read catalog file: " + reason));
    return loaded;
  }
  LoadedCatalog loaded{Source(path, std::move(text)), std::nullopt, {}, false};
  // The same size, NUL and UTF-8 checks as every other input, with the default limits.
  loaded.diagnostics = validate_input(loaded.source);
  if (!loaded.diagnostics.empty()) return loaded;
  loaded.catalog = base.with_overlay(loaded.source, loaded.diagnostics);
  return loaded;
}

}  // namespace tfq
