// The built-in catalog as data: grammar/catalog.json turned into C++ at build time by
// grammar/catalog_tables.cmake, so that starting tfq parses no JSON.
#pragma once

#include <vector>

#include "tfq/catalog.hpp"

namespace tfq::detail {

// In document order, as the catalog reader would make them of grammar/catalog.json.
std::vector<FieldInfo> builtin_fields();
std::vector<EnumInfo> builtin_enums();

}  // namespace tfq::detail
