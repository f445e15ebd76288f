// The --max-* flags: one per field of tfq::Limits, in the "Limits" group of --help.
#include "limit_options.hpp"

#include <string>

namespace tfq::cli {

namespace {

void add_cap(CLI::App& command, const std::string& flag, std::size_t& cap, const std::string& what,
             std::size_t ceiling = max_bytes_ceiling) {
  command.add_option(flag, cap, what)
      ->group("Limits")
      ->default_val(cap)
      ->check(CLI::Range(std::size_t{1}, ceiling));
}

}  // namespace

void add_limit_options(CLI::App& command, Limits& limits) {
  // Sizes accept units: 16M, 512k (factors of 1024).
  command.add_option("--max-bytes", limits.max_bytes, "Largest input accepted, in bytes (units k, M, G)")
      ->group("Limits")
      ->default_val(limits.max_bytes)
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(std::size_t{1}, max_bytes_ceiling));
  // The parser never nests deeper than its ceiling (the stack bound of every pass): a larger value is
  // refused as a usage error rather than silently lowered.
  add_cap(command, "--max-depth", limits.max_depth, "Deepest nesting of parentheses and NOT",
          max_depth_ceiling);
  add_cap(command, "--max-predicates", limits.max_predicates, "Most predicates in one where clause");
  add_cap(command, "--max-in-list", limits.max_in_list, "Most values in one IN list");
  add_cap(command, "--max-statements", limits.max_statements, "Most statements in one query file");
  add_cap(command, "--max-fields", limits.max_fields, "Most fields and metrics in one request");
}

}  // namespace tfq::cli
