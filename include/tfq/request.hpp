// The request model: what a query-file statement or a JSON body asks for, with the source range of every
// part, and the request rules (section 4 of the reference sheet) that predict the server's 400s.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tfq/ast.hpp"
#include "tfq/catalog.hpp"
#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq {

// POST /export/:c/requests or POST /usage/:c/query
enum class Target : std::uint8_t { export_request, query };

// How the request was written: decides how fix-its spell names and where they insert text.
enum class Notation : std::uint8_t { json_body, query_file };

struct RequestItem {
  std::string name;     // decoded: a field, metric or category name, or the downloadFileName
  SourceRange range;    // the item as written (quotes included)
  SourceRange removal;  // what a fix-it deletes to remove the item: the item and one adjacent separator
  // For a string written with escapes or quotes: the source offset of each byte of `name`, plus one for
  // the end. Empty when the name is spelled verbatim at range (or has no position of its own).
  std::vector<std::uint32_t> origins;
};

struct RequestList {
  bool present = false;  // written at all (a JSON key; a FROM clause)
  std::vector<RequestItem> items;
  SourceRange range;      // the whole list: a JSON array with its brackets; a query file's items
  SourceRange append_at;  // an empty range where a fix-it appends an item
};

struct Request {
  Target target = Target::export_request;
  Notation notation = Notation::json_body;
  SourceRange range;  // the statement or the JSON object
  RequestList fields;
  RequestList metrics;
  RequestList categories;  // the usageCategory attribute (a query file's FROM)
  // The where clause as written, parameters bound and checked: the rules read it. Ranges in the source.
  std::optional<Expr> where;
  // The optimizer's canonical clause: what is sent. Empty when there is none or it is a tautology.
  std::string canonical_where;
  std::optional<RequestItem> download_file_name;
  // An empty range where a fix-it adds a missing part: in a JSON body after the last member (a list or
  // the usageCategory attribute); in a query file after the SELECT list (a FROM clause).
  SourceRange add_at;
};

// The longest downloadFileName tfq accepts, in characters.
inline constexpr std::size_t max_file_name_length = 200;

// Applies every request rule and normalizes the request in place: duplicates are removed, a trailing
// `.csv` is dropped, empty lists are omitted. The request may be sent only if no error was reported.
std::vector<Diagnostic> apply_request_rules(Request& request, const Catalog& catalog);

}  // namespace tfq
