// File names as URI references, for machine formats that want URIs (SARIF).
#pragma once

#include <string>
#include <string_view>

namespace tfq::render {

// A relative path stays a relative reference ("dir/a%20b.where"); an absolute one becomes a file: URI
// ("file:///tmp/a.where"). Every byte other than letters, digits, "-._~" and "/" is percent-encoded,
// so names such as "<stdin>" or "a:b.where" cannot be misread as a scheme or be invalid.
std::string file_uri(std::string_view path);

}  // namespace tfq::render
