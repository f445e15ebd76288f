// In-process timing of the where-clause pipeline, stage by stage, on one core.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "tfq/catalog.hpp"

namespace tfq::bench {

// CPU seconds of the calling thread: on a machine shared with other work, wall time would also measure
// the others, while one core's throughput is what the targets speak of.
double thread_seconds();

// Seconds (CPU, one thread) for one pass over the whole corpus.
struct StageSeconds {
  double parse = 0;     // Source -> AST (input validation included)
  double check = 0;     // AST -> diagnostics
  double optimize = 0;  // checked AST -> canonical AST and its text (OptimizeResult::where)
  double emit = 0;      // the canonical text -> the request body (emit_body)
  double pipeline = 0;  // all of the above, clause by clause, from the raw text
};

struct PipelineCounts {
  std::size_t clauses = 0;
  std::size_t parsed = 0;     // without syntax errors
  std::size_t checked = 0;    // without checker errors
  std::size_t optimized = 0;  // with a clause left to emit
};

// One timed pass per stage; `counts` says how many clauses reached each stage.
StageSeconds time_stages(const std::vector<std::string>& clauses, const Catalog& catalog,
                         PipelineCounts& counts);

// The whole pipeline on one text (parse, check, optimize, emit); returns the length of the emitted
// body, so that the work cannot be optimized away.
std::size_t run_pipeline(const std::string& text, const Catalog& catalog);

// The median of a few values (sorted copy).
double median(std::vector<double> values);

}  // namespace tfq::bench
