// Stage timing: each stage runs over the whole corpus with the previous stage's output prepared
// beforehand, so a stage's figure holds its own work only; the pipeline figure holds all of it.
#include "stages.hpp"

#include <algorithm>
#include <ctime>
#include <optional>

#include "tfq/check.hpp"
#include "tfq/emit.hpp"
#include "tfq/input.hpp"
#include "tfq/optimize.hpp"
#include "tfq/parse.hpp"

namespace tfq::bench {

namespace {

template <typename Body>
double seconds_of(Body&& body) {
  const double start = thread_seconds();
  body();
  return thread_seconds() - start;
}

// The default caps but for bytes: the input at the predicate cap (1,000,000) is larger than 16 MiB.
Limits bench_limits() {
  Limits limits;
  limits.max_bytes = std::size_t{64} << 20;
  return limits;
}

std::optional<Expr> parse_clean(const Source& source) {
  static const Limits limits = bench_limits();
  if (has_errors(validate_input(source, limits))) return std::nullopt;
  ParseOptions options;
  options.limits = limits;
  ParseResult parsed = parse_where(source, parse_range(source), options);
  if (has_errors(parsed.diagnostics)) return std::nullopt;
  return std::move(parsed.expr);
}

// The emitter's work for one clause: the request body that carries the optimizer's canonical clause (the
// optimizer already printed it; emitting is writing the JSON).
std::size_t emit_where(std::string canonical_where) {
  Request request;
  request.canonical_where = std::move(canonical_where);
  return emit_body(request, Layout::compact).size();
}

}  // namespace

double thread_seconds() {
  timespec now{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

std::size_t run_pipeline(const std::string& text, const Catalog& catalog) {
  const Source source("bench.where", text);
  const std::optional<Expr> expr = parse_clean(source);
  if (!expr || has_errors(check_where(*expr, catalog))) return 0;
  OptimizeResult optimized = optimize_where(*expr, catalog);
  return optimized.expr ? emit_where(std::move(optimized.where)) : 0;
}

StageSeconds time_stages(const std::vector<std::string>& clauses, const Catalog& catalog,
                         PipelineCounts& counts) {
  StageSeconds seconds;
  counts = {};
  counts.clauses = clauses.size();
  std::vector<Source> sources;
  sources.reserve(clauses.size());
  for (const auto& text : clauses) sources.emplace_back("bench.where", text);

  std::vector<std::optional<Expr>> parsed(sources.size());
  seconds.parse = seconds_of([&] {
    for (std::size_t i = 0; i < sources.size(); ++i) parsed[i] = parse_clean(sources[i]);
  });

  std::vector<const Expr*> checked;
  seconds.check = seconds_of([&] {
    for (const auto& expr : parsed) {
      if (expr && !has_errors(check_where(*expr, catalog))) checked.push_back(&*expr);
    }
  });

  std::vector<OptimizeResult> optimized;
  optimized.reserve(checked.size());
  seconds.optimize = seconds_of([&] {
    for (const Expr* expr : checked) optimized.push_back(optimize_where(*expr, catalog));
  });

  std::size_t emitted = 0;
  seconds.emit = seconds_of([&] {
    for (const auto& result : optimized) {
      if (result.expr) emitted += emit_where(result.where);
    }
  });

  seconds.pipeline = seconds_of([&] {
    for (const auto& text : clauses) emitted += run_pipeline(text, catalog);
  });

  counts.parsed = static_cast<std::size_t>(
      std::count_if(parsed.begin(), parsed.end(), [](auto& e) { return e.has_value(); }));
  counts.checked = checked.size();
  counts.optimized = static_cast<std::size_t>(std::count_if(
      optimized.begin(), optimized.end(), [](const OptimizeResult& r) { return r.expr.has_value(); }));
  if (emitted == 0) counts.optimized = 0;  // keeps `emitted` observable
  return seconds;
}

}  // namespace tfq::bench
