// What the request rules share: the context they report into and the fix-it spellings of both notations.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/request.hpp"

namespace tfq::rules {

struct Context {
  Request& request;
  const Catalog& catalog;
  std::vector<Diagnostic>& diagnostics;
  // Fields and metrics already reported by a more specific rule, so that each gets one error.
  std::set<std::string, std::less<>> reported;
  // The usageCategory list held invalid values (reported): rules that depend on it would only guess.
  bool categories_invalid = false;

  Diagnostic& report(Code code, SourceRange range, std::string message);
  bool is_export() const { return request.target == Target::export_request; }
};

// The rule groups, run in this order by apply_request_rules.
void check_lists(Context& context);            // presence, names known, misplaced, duplicates
void check_category_values(Context& context);  // usageCategory values valid, deduplicated
void check_session_level(Context& context);    // session-level exports, the desktop list, the Query API
void check_token_pool(Context& context);
void check_categories_cover(
    Context& context);  // fields and the where clause against the requested categories
void check_file_name(Context& context);

// Names and text as a fix-it writes them in the request's notation.
std::string spell_name(const Request& request, std::string_view name);
// The text that adds a list: `, "metrics": ["a"]` in a JSON body, ` FROM A, B` for categories in a query
// file.
std::string spell_new_list(const Request& request, std::string_view key,
                           const std::vector<std::string>& names);
FixIt remove_item(const RequestItem& item);
FixIt replace_item(const Request& request, const RequestItem& item, std::string_view name);
FixIt replace_list(const Request& request, const RequestList& list, const std::vector<std::string>& names);
FixIt append_item(const Request& request, const RequestList& list, std::string_view name);
// The source range of bytes [begin, end) of an item's decoded name; the whole item when it has no origins.
SourceRange name_range(const RequestItem& item, std::size_t begin, std::size_t end);

// `'a', 'b' and 'c'`, for messages.
std::string quoted_list(const std::vector<std::string>& names);

// Categories of the same kind may be mixed at session level: the docs show the two manual ones together.
std::string_view category_kind(std::string_view category);
// The catalog's usageCategory values (the documented five when the catalog has no such enum).
std::vector<std::string> known_categories(const Catalog& catalog);
// Does the field or metric exist in the category? (no category list in the catalog: every category)
bool has_category(const FieldInfo& info, std::string_view category);

// The requested categories for which the where clause can be true: it is evaluated in three-valued
// logic with usageCategory set to each candidate and every other predicate unknown. `constraining`
// receives the usageCategory predicates that decided it.
std::vector<std::string> categories_where_allows(const Expr& where,
                                                 const std::vector<std::string>& candidates,
                                                 std::vector<SourceRange>* constraining = nullptr);

}  // namespace tfq::rules
