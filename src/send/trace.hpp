// The --verbose trace: libcurl's debug output as lines, every secret redacted before anyone sees it.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace tfq::send {

// `kind` is a curl_infotype. Text and headers become "* ...", "> ...", "< ..." lines; bodies only their
// size, TLS data nothing.
void emit_trace(const std::function<void(std::string_view)>& sink, int kind, std::string_view data,
                std::span<const std::string> secrets);

}  // namespace tfq::send
