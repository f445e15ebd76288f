// The optimizer's diagnostics: what they say and which ranges they mark.
#include "optimize/findings.hpp"

#include <algorithm>

#include "tfq/print.hpp"

namespace tfq::opt {
namespace {

constexpr std::size_t max_quoted = 60;
constexpr std::size_t max_labels = 8;

// "`a` conflicts with `b`", "`a`, `b` and 2 more", ...
std::string list_of(const std::vector<const Expr*>& parts, std::string_view relation) {
  std::string text = quote(*parts[0]);
  if (parts.size() >= 2) text += std::string(relation) + quote(*parts[1]);
  if (parts.size() > 2) text += " and " + std::to_string(parts.size() - 2) + " more";
  return text;
}

Diagnostic with_labels(Code code, const Node& constant, std::string message, std::string_view label,
                       bool alone) {
  Diagnostic d = make_diagnostic(code, constant.origins.empty() ? SourceRange{} : constant.origins[0]->range,
                                 std::move(message));
  for (std::size_t i = 1; !alone && i < constant.origins.size() && i < max_labels; ++i) {
    d.labels.push_back({constant.origins[i]->range, std::string(label)});
  }
  return d;
}

}  // namespace

std::string quote(const Expr& expr) {
  std::string text = "`";
  append_where_prefix(expr, max_quoted, text);
  if (text.size() - 1 > max_quoted) {
    std::size_t cut = 1 + max_quoted - 3;
    while (cut > 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    text.resize(cut);
    text += "...";
  }
  text += '`';
  return text;
}

namespace {

// A set merged from several predicates that is not named by the whole clause they came from.
bool merged_from_several(const Node& atom) {
  return atom.kind == NodeKind::set && atom.origins.size() > 1 && !atom.names_clause;
}

}  // namespace

Origins conflict_between(const Node& a, const Node& b) {
  Origins parts;
  for (const Node* atom : {&a, &b}) {
    if (!merged_from_several(*atom)) {
      parts.push_back(&shown(*atom));
    } else {
      parts.append(atom->origins.begin(), atom->origins.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                                      atom->origins.size(), max_labels)));
    }
  }
  return parts;
}

NamedAtom name_atom(const Node& atom, const Context& context) {
  const Expr& first = shown(atom);
  if (!merged_from_several(atom)) {
    // The pointer to `first` inside the node, as shown() picks it.
    if (atom.is_compound() || atom.origins.empty()) return {quote(first), {&atom.source, 1}};
    return {quote(first), {atom.origins.data(), 1}};
  }
  const std::size_t more = atom.origins.size() - 1;
  return {"the condition on " + context.fields.at(atom.field).name + " merged from " + quote(first) +
              " and " + std::to_string(more) + (more == 1 ? " other predicate" : " other predicates"),
          atom.origins};
}

void report_against(Context& context, Code code, const Expr& primary, std::string message,
                    const NamedAtom& other, const std::string& label) {
  Diagnostic d = make_diagnostic(code, primary.range, std::move(message));
  for (std::size_t i = 0; i < other.all.size() && i < max_labels; ++i) {
    d.labels.push_back({other.all[i]->range, i == 0 || other.all.size() == 1 ? label : "merged into it"});
  }
  context.diagnostics.push_back(std::move(d));
}

const Expr& shown(const Node& node) {
  return node.is_compound() || node.origins.empty() ? *node.source : *node.origins.front();
}

void report(Context& context, Code code, const Expr& primary, std::string message, const Expr* other,
            std::string label) {
  Diagnostic d = make_diagnostic(code, primary.range, std::move(message));
  if (other != nullptr) d.labels.push_back({other->range, std::move(label)});
  context.diagnostics.push_back(std::move(d));
}

void report_constant(Context& context, const Node& constant, Where where) {
  const bool never = constant.kind == NodeKind::false_;
  std::string reason;
  // A whole AND or OR that became constant: its range is marked, and the predicates in it are named.
  const bool whole_clause = constant.names_clause && !constant.origins.empty();
  const std::vector<const Expr*> parts(constant.origins.begin() + (whole_clause ? 1 : 0),
                                       constant.origins.end());
  if (parts.size() == 1) {
    reason = quote(*parts[0]) + (never ? " is always false" : " is always true");
  } else if (!parts.empty()) {
    reason =
        never ? list_of(parts, " conflicts with ") : list_of(parts, " and ") + " together accept every value";
  }
  if (constant.first_of_month)
    reason += " (" + context.fields.at(constant.field).name + " is always the 1st of a month)";
  Diagnostic d;
  if (where == Where::root && never) {
    d = with_labels(Code::contradiction, constant,
                    "the clause can never match" + (reason.empty() ? "" : ": " + reason),
                    "conflicts with this", whole_clause);
    d.help = "no row can satisfy the where clause; check the values and operators";
  } else if (where == Where::root) {
    d = with_labels(Code::tautology, constant,
                    "the clause is always true" + (reason.empty() ? "" : ": " + reason), "together with this",
                    whole_clause);
    d.help = "the where clause filters nothing and is left out of the request";
  } else if (never) {
    d = with_labels(Code::unsatisfiable_branch, constant, "this part can never match: " + reason,
                    "conflicts with this", whole_clause);
  } else {
    d = with_labels(Code::redundant_predicate, constant, "this part filters nothing: " + reason,
                    "together with this", whole_clause);
  }
  context.diagnostics.push_back(std::move(d));
}

namespace {

// Same code at the same ranges: the same finding, however it was reached.
bool same_place(const Diagnostic& a, const Diagnostic& b) {
  if (a.code != b.code || a.range != b.range || a.labels.size() != b.labels.size()) return false;
  for (std::size_t i = 0; i < a.labels.size(); ++i) {
    if (a.labels[i].range != b.labels[i].range) return false;
  }
  return true;
}

std::uint64_t place_hash(const Diagnostic& d) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a over the numbers that same_place compares
  const auto add = [&h](std::uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; };
  add(static_cast<std::uint64_t>(d.code));
  add(d.range.begin);
  add(d.range.end);
  for (const Label& label : d.labels) {
    add(label.range.begin);
    add(label.range.end);
  }
  return h;
}

}  // namespace

void remove_repeats(std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.size() < 2) return;
  // Sorted by hash, a finding's repeats are its neighbours; the first in report order is kept.
  std::vector<std::pair<std::uint64_t, std::size_t>> by_hash;
  by_hash.reserve(diagnostics.size());
  for (std::size_t i = 0; i < diagnostics.size(); ++i) by_hash.emplace_back(place_hash(diagnostics[i]), i);
  std::sort(by_hash.begin(), by_hash.end());
  Flags repeat = no_flags(diagnostics.size());
  for (std::size_t run = 0, end = 0; run < by_hash.size(); run = end) {
    end = run + 1;
    while (end < by_hash.size() && by_hash[end].first == by_hash[run].first) ++end;
    for (std::size_t k = run + 1; k < end; ++k) {
      for (std::size_t m = run; m < k && !repeat[by_hash[k].second]; ++m) {
        const std::size_t earlier = by_hash[m].second;
        repeat[by_hash[k].second] =
            !repeat[earlier] && same_place(diagnostics[earlier], diagnostics[by_hash[k].second]);
      }
    }
  }
  erase_flagged(diagnostics, repeat);
}

}  // namespace tfq::opt
