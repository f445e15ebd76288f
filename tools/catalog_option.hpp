// --catalog FILE for the commands that read where clauses: the built-in catalog with a user's overlay.
#pragma once

#include <optional>
#include <string>

#include "tfq/catalog.hpp"

namespace tfq::cli {

// The catalog to use: the built-in one when `path` is empty, else the overlaid one (kept in `loaded`).
// nullptr after printing why the file cannot be used (on stderr, prefixed with `command`): a broken
// catalog is a usage error (exit 2), since it is configuration rather than the input.
const Catalog* catalog_for(const std::string& path, const char* command,
                           std::optional<LoadedCatalog>& loaded);

}  // namespace tfq::cli
