// SQLite as an independent oracle: rows are loaded into an in-memory table (dates as ISO text,
// case-sensitive LIKE) and the original clause (after lowering only, which SQLite runs as is) and the
// optimized clause must select the same row ids. The reference evaluator must agree with SQLite too.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <set>

#include "optimize/driver.hpp"
#include "support/optimize_support.hpp"
#include "support/random_clause.hpp"
#include "tfq/catalog.hpp"
#include "tfq/print.hpp"

using namespace tfq;
using namespace tfq::test;

namespace {

class Database {
 public:
  explicit Database(const std::vector<GenField>& fields) : fields_(fields) {
    REQUIRE(sqlite3_open(":memory:", &db_) == SQLITE_OK);
    exec("PRAGMA case_sensitive_like = ON");
    std::string create = "CREATE TABLE t (id INTEGER PRIMARY KEY";
    std::string insert = "INSERT INTO t VALUES (?";
    for (const GenField& f : fields_) {
      create += ", \"" + f.name + "\" " + (f.type == FieldType::integer ? "INTEGER" : "TEXT");
      insert += ", ?";
    }
    exec(create + ")");
    REQUIRE(sqlite3_prepare_v2(db_, (insert + ")").c_str(), -1, &insert_, nullptr) == SQLITE_OK);
  }
  ~Database() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
  }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    INFO(sql << ": " << (error != nullptr ? error : ""));
    sqlite3_free(error);
    REQUIRE(rc == SQLITE_OK);
  }

  void load(const std::vector<Row>& rows) {
    exec("DELETE FROM t");
    exec("BEGIN");
    for (std::size_t r = 0; r < rows.size(); ++r) {
      sqlite3_reset(insert_);
      sqlite3_bind_int64(insert_, 1, static_cast<sqlite3_int64>(r));
      for (std::size_t f = 0; f < fields_.size(); ++f) {
        const auto it = rows[r].find(fields_[f].name);
        const int column = static_cast<int>(f) + 2;
        if (it == rows[r].end() || !it->second) {
          sqlite3_bind_null(insert_, column);
        } else if (const auto* n = std::get_if<std::int64_t>(&*it->second)) {
          sqlite3_bind_int64(insert_, column, *n);
        } else {
          const auto& s = std::get<std::string>(*it->second);
          sqlite3_bind_text(insert_, column, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        }
      }
      REQUIRE(sqlite3_step(insert_) == SQLITE_DONE);
    }
    exec("COMMIT");
  }

  std::set<std::int64_t> select(const std::string& where) {
    sqlite3_stmt* query = nullptr;
    const std::string sql = "SELECT id FROM t" + (where.empty() ? std::string() : " WHERE " + where);
    INFO(sql << ": " << sqlite3_errmsg(db_));
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &query, nullptr) == SQLITE_OK);
    std::set<std::int64_t> ids;
    while (sqlite3_step(query) == SQLITE_ROW) ids.insert(sqlite3_column_int64(query, 0));
    sqlite3_finalize(query);
    return ids;
  }

 private:
  const std::vector<GenField>& fields_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

}  // namespace

TEST_CASE("SQLite selects the same rows with the lowered and the optimized clause", "[optimize][sqlite]") {
  const std::vector<GenField> fields = gen_fields(Catalog::builtin());
  const opt::Fields optimizer_fields(Catalog::builtin());
  ClauseGenerator generator(fields, 99);
  Database db(fields);
  for (int n = 0; n < 1500; ++n) {
    const Expr clause = generator.clause(1 + n % 4);
    const std::vector<Row> rows = generator.rows(clause, 40);
    db.load(rows);
    const std::string lowered = print_where(opt::lower(clause, optimizer_fields));
    const OptimizeResult result = optimize_where(clause, Catalog::builtin());
    INFO("clause #" << n << ": " << print_where(clause) << "\nlowered: " << lowered
                    << "\noptimized: " << result.where);
    const std::set<std::int64_t> expected = db.select(lowered);
    std::set<std::int64_t> by_evaluator;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      if (selects(clause, rows[r])) by_evaluator.insert(static_cast<std::int64_t>(r));
    }
    REQUIRE(by_evaluator == expected);
    switch (result.outcome) {
      case Outcome::clause: REQUIRE(db.select(result.where) == expected); break;
      case Outcome::always_true: REQUIRE(expected.size() == rows.size()); break;
      case Outcome::always_false: REQUIRE(expected.empty()); break;
    }
  }
}
