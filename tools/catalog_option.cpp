// Loading the --catalog overlay, with its problems rendered like any other finding.
#include "catalog_option.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "tfq/render.hpp"

namespace tfq::cli {

const Catalog* catalog_for(const std::string& path, const char* command,
                           std::optional<LoadedCatalog>& loaded) {
  if (path.empty()) return &Catalog::builtin();
  loaded = load_catalog_overlay(path);
  if (loaded->unreadable) {
    std::fprintf(stderr, "tfq %s: --catalog '%s': %s\n", command, path.c_str(),
                 loaded->diagnostics.front().message.c_str());
    return nullptr;
  }
  if (!loaded->catalog) {
    const char* no_color = std::getenv("NO_COLOR");
    const bool color = ::isatty(STDERR_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
    std::fputs(render_text(loaded->source, loaded->diagnostics, {.color = color}).c_str(), stderr);
    std::fprintf(stderr, "tfq %s: the catalog '%s' cannot be used\n", command, path.c_str());
    return nullptr;
  }
  return &*loaded->catalog;
}

}  // namespace tfq::cli
