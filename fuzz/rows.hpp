// Rows for checking that two where clauses select the same rows: made from the clause's own literals
// and their neighbours (one day, month or unit either side), other enum values, and NULL where the field
// may be NULL, picked by a seed so that a fuzz input always gives the same rows.
#pragma once

#include <cstdint>
#include <vector>

#include "support/evaluator.hpp"
#include "tfq/ast.hpp"
#include "tfq/catalog.hpp"

namespace tfq::fuzz {

std::vector<test::Row> rows_for(const Expr& clause, const Catalog& catalog, std::uint64_t seed,
                                std::size_t count);

}  // namespace tfq::fuzz
