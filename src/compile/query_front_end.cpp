// The query-file front end: each statement of a .tfq file into a request. SELECT's one list is split into
// fields and metrics by the catalog (order kept: it is the CSV's column order); FROM is the usageCategory
// attribute; the WHERE clause is parsed with parameters allowed, then bound by --param.
#include "compile/front_end.hpp"
#include "compile/parameters.hpp"
#include "query/query_file.hpp"
#include "tfq/parse.hpp"

namespace tfq::compile_detail {
namespace {

// Removing an item of a comma-separated list takes one comma with it.
SourceRange removal_of(const std::vector<query::Name>& names, std::size_t i) {
  if (i > 0) return {names[i - 1].range.end, names[i].range.end};
  if (names.size() > 1) return {names[0].range.begin, names[1].range.begin};
  return names[0].range;
}

RequestItem item_of(const std::vector<query::Name>& names, std::size_t i) {
  return {names[i].text, names[i].range, removal_of(names, i), {}};
}

void read_select(const query::Statement& written, const Catalog& catalog, Request& request) {
  for (std::size_t i = 0; i < written.select.size(); ++i) {
    const FieldInfo* info = catalog.find(written.select[i].text);
    RequestList& list = info && info->metric ? request.metrics : request.fields;
    list.items.push_back(item_of(written.select, i));
  }
  const SourceRange select{written.select.front().range.begin, written.select.back().range.end};
  for (RequestList* list : {&request.fields, &request.metrics}) {
    list->present = !list->items.empty();
    list->range = select;
    list->append_at = {select.end, select.end};
  }
  request.add_at = {select.end, select.end};
}

void read_from(const query::Statement& written, Request& request) {
  RequestList& list = request.categories;
  list.present = written.has_from;
  if (!written.has_from) return;
  for (std::size_t i = 0; i < written.from.size(); ++i) list.items.push_back(item_of(written.from, i));
  list.range = {written.from.front().range.begin, written.from.back().range.end};
  list.append_at = {list.range.end, list.range.end};
}

void read_into(const Source& source, const query::Statement& written, const CompileOptions& options,
               ParameterBinder& binder, Statement& statement, std::vector<Diagnostic>& diagnostics) {
  const query::FileName& into = *written.into;
  RequestItem item{into.text, into.range, written.into_clause, into.origins};
  // Removing INTO takes the space before it too.
  while (item.removal.begin > 0 && source.text()[item.removal.begin - 1] == ' ') --item.removal.begin;
  if (into.parameter) {
    if (!options.require_parameters && !options.parameters.contains(into.text)) {
      statement.placeholders = true;  // checked as far as it can be; no body
      return;
    }
    const std::string* value = binder.value_of(into.text, into.range, diagnostics);
    if (!value) {
      statement.failed = true;
      return;
    }
    item.name = *value;
  }
  statement.request.download_file_name = std::move(item);
}

void read_where(const Source& source, const query::Statement& written, const CompileOptions& options,
                ParameterBinder& binder, Statement& statement, std::vector<Diagnostic>& diagnostics) {
  ParseResult parsed =
      parse_where(source, written.where, {.limits = options.limits, .allow_parameters = true});
  diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  if (!parsed.expr || has_errors(parsed.diagnostics) || !binder.bind(*parsed.expr, diagnostics)) {
    statement.failed = true;
    return;
  }
  statement.placeholders = statement.placeholders || binder.left_placeholders();
  statement.where = std::move(parsed.expr);
}

}  // namespace

FrontEnd read_query_file(const Source& source, const CompileOptions& options, const Catalog& catalog) {
  FrontEnd out;
  query::ParsedFile parsed = query::parse_query_file(source, options.limits);
  out.diagnostics = std::move(parsed.diagnostics);
  if (!parsed.file) return out;
  if (parsed.file->statements.empty()) {
    auto& d = out.diagnostics.emplace_back(
        make_diagnostic(Code::no_statements, {0, 0}, "the query file holds no statement"));
    d.help = "write a statement such as SELECT userName, tokensConsumed FROM DESKTOP_PRODUCT";
    return out;
  }
  ParameterBinder binder(options.parameters, catalog, options.require_parameters);
  for (const query::Statement& written : parsed.file->statements) {
    Statement& statement = out.statements.emplace_back();
    Request& request = statement.request;
    request.target = written.target_written ? written.target : options.default_target;
    request.notation = Notation::query_file;
    request.range = written.range;
    read_select(written, catalog, request);
    read_from(written, request);
    if (written.into) read_into(source, written, options, binder, statement, out.diagnostics);
    if (written.has_where) read_where(source, written, options, binder, statement, out.diagnostics);
  }
  if (options.report_unused_parameters) binder.report_unused(out.diagnostics);
  out.parameters_used = binder.used();
  return out;
}

}  // namespace tfq::compile_detail
