// The benchmark's clause generator (see corpus.hpp): everything it writes must parse and check clean,
// so that every stage of the pipeline does its full work on every clause.
#include "corpus.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace tfq::bench {

std::uint64_t Rng::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

namespace {

const std::map<std::string, std::vector<std::string>, std::less<>> kRealisticValues = {
    {"productName",
     {"Revit Live", "Vault Office", "Moldflow Adviser Ultimate", "ReMake", "AutoCAD", "AutoCAD LT", "3ds Max",
      "Maya", "Inventor Professional", "Civil 3D", "Navisworks Manage", "Fusion 360"}},
    {"productLineCode", {"ACD", "RVT", "INVPROSA", "3DSMAX", "MAYA", "CIV3D", "NAVMAN", "ACDLT"}},
    {"userName", {"john42", "admin01", "j.smith", "o'brien", "mary.o'neil", "svc-build", "anna.k"}},
    {"reasonComment", {"ACD promotion", "O'Brien's promo", "year-end adjustment", "partner's credit"}},
    {"machineName", {"MyMachine", "WS-0042", "render-farm-07", "LAPTOP-JS"}},
};

// How often people filter on a field, relative to the rest (1): dates, contract year and product first.
const std::map<std::string, unsigned, std::less<>> kFieldWeights = {
    {"usageDate", 8},      {"usageMonth", 8},      {"contractYear", 6},   {"productName", 8},
    {"userName", 6},       {"productLineCode", 5}, {"usageCategory", 5},  {"usageType", 2},
    {"chargeCategory", 2}, {"machineName", 2},     {"productVersion", 2}, {"customField1", 2},
};

bool is_ordered(FieldType type) {
  return type == FieldType::date || type == FieldType::month || type == FieldType::datetime ||
         type == FieldType::integer;
}

std::string two_digits(std::size_t n) {
  char text[8];
  std::snprintf(text, sizeof text, "%02zu", n % 100);
  return text;
}

}  // namespace

std::vector<std::string> sample_values(const FieldInfo& field, const Catalog& catalog) {
  if (field.type == FieldType::enumeration) {
    const EnumInfo* values = catalog.find_enum(field.enum_name);
    return values != nullptr ? values->values : std::vector<std::string>{};
  }
  if (field.type != FieldType::string) return {};
  if (auto it = kRealisticValues.find(field.name); it != kRealisticValues.end()) return it->second;
  const std::string base = field.example.size() >= 3 ? field.example : field.name;
  std::vector<std::string> values{base, base + "'s"};
  for (int i = 1; i <= 6; ++i) values.push_back(base + "-" + std::to_string(i * 7));
  return values;
}

ClauseGenerator::ClauseGenerator(const Catalog& catalog, std::uint64_t seed) : rng_(seed) {
  for (const auto& entry : catalog.entries()) {
    if (entry.metric || entry.type == FieldType::number) continue;
    Filterable field{&entry, sample_values(entry, catalog)};
    const bool needs_values = entry.type == FieldType::string || entry.type == FieldType::enumeration;
    if (needs_values && field.values.empty()) continue;
    fields_.push_back(std::move(field));
    const auto weight = kFieldWeights.find(entry.name);
    for (unsigned i = 0; i < (weight == kFieldWeights.end() ? 1 : weight->second); ++i) {
      weighted_.push_back(fields_.size() - 1);
    }
  }
  if (fields_.empty()) throw std::runtime_error("the catalog has no filterable field");
}

const ClauseGenerator::Filterable& ClauseGenerator::pick_field() {
  return fields_[rng_.pick(weighted_)];
}

std::string ClauseGenerator::keyword(std::string_view upper) {
  std::string word(upper);
  for (char& c : word) {
    const bool lower = case_ == Case::lower || (case_ == Case::mixed && rng_.chance(50));
    if (lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return word;
}

std::string ClauseGenerator::spaced(std::string_view op) {
  const std::size_t style = rng_.below(20);
  if (style < 3) return std::string(op);  // contractYear=1
  if (style == 3) return "  " + std::string(op) + "  ";
  return " " + std::string(op) + " ";
}

std::string ClauseGenerator::literal(const Filterable& field) {
  const std::string year = std::to_string(2015 + rng_.below(10));
  const std::string month = two_digits(1 + rng_.below(12));
  switch (field.field->type) {
    case FieldType::integer: return std::to_string(1 + rng_.below(10));
    case FieldType::month: return "'" + year + "-" + month + "-01'";
    case FieldType::date: return "'" + year + "-" + month + "-" + two_digits(1 + rng_.below(28)) + "'";
    case FieldType::datetime:
      return "'" + year + "-" + month + "-" + two_digits(1 + rng_.below(28)) + "T" +
             two_digits(rng_.below(24)) + ":" + two_digits(rng_.below(60)) + ":" +
             two_digits(rng_.below(60)) + "'";
    default: break;
  }
  std::string quoted = "'";
  for (char c : rng_.pick(field.values)) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return quoted + "'";
}

std::string ClauseGenerator::in_list(const Filterable& field, std::size_t count) {
  // An IN list of every value of an enum filters nothing: people leave such a predicate out.
  if (field.field->type == FieldType::enumeration) count = std::min(count, field.values.size() - 1);
  std::vector<std::string> items;
  for (std::size_t tries = 0; items.size() < count && tries < 4 * count; ++tries) {
    std::string item = literal(field);
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(std::move(item));
  }
  std::string text = keyword("IN") + " (";
  for (std::size_t i = 0; i < items.size(); ++i) text += (i > 0 ? ", " : "") + items[i];
  return text + ")";
}

std::string ClauseGenerator::string_predicate(const Filterable& field) {
  const std::string& name = field.field->name;
  const bool is_enum = field.field->type == FieldType::enumeration;
  const std::size_t kind = rng_.below(100);
  if (kind < 40) return name + spaced("=") + literal(field);
  if (kind < 47) return name + spaced("!=") + literal(field);
  if (kind < 50) return name + spaced("<>") + literal(field);
  if (kind < 75 || is_enum) return name + " " + in_list(field, 2 + rng_.below(5));
  if (kind < 95) {
    // At least 3 literal characters beside a % wildcard, as the server demands.
    std::string value = rng_.pick(field.values);
    while (value.size() < 3) value += "x";
    std::string prefix;
    for (char c : value.substr(0, 3 + rng_.below(value.size() - 2)))
      prefix += c == '\'' ? "''" : std::string(1, c);
    const std::string pattern = rng_.chance(70) ? prefix + "%" : "%" + prefix + "%";
    return name + " " + keyword("LIKE") + " '" + pattern + "'";
  }
  return literal(field) + spaced("=") + name;  // written the other way round; the parser flips it
}

std::string ClauseGenerator::ordered_predicate(const Filterable& field) {
  const std::string& name = field.field->name;
  static const std::vector<std::string> kOps = {"=", "<", "<=", ">", ">=", "!="};
  const std::size_t kind = rng_.below(100);
  if (kind < 60) return name + spaced(rng_.pick(kOps)) + literal(field);
  if (kind < 75) {
    std::string low = literal(field), high = literal(field);
    if (field.field->type == FieldType::integer ? std::stol(high) < std::stol(low) : high < low)
      std::swap(low, high);
    return name + " " + keyword("BETWEEN") + " " + low + " " + keyword("AND") + " " + high;
  }
  if (kind < 90 && field.field->type != FieldType::datetime)
    return name + " " + in_list(field, 2 + rng_.below(4));
  return literal(field) + spaced(rng_.pick(kOps)) + name;
}

std::string ClauseGenerator::predicate(const Filterable& field) {
  return is_ordered(field.field->type) ? ordered_predicate(field) : string_predicate(field);
}

// A conjunction names each field once (so it can match); a disjunction may repeat one (x = 1 OR x = 2).
std::string ClauseGenerator::group(std::size_t predicates, bool conjunction, int level) {
  std::string text;
  std::vector<const Filterable*> used;
  std::size_t left = predicates;
  while (left > 0) {
    if (!text.empty()) text += " " + keyword(conjunction ? "AND" : "OR") + " ";
    // A sub-group never takes all of a group's predicates: a group has at least two operands.
    const std::size_t room = text.empty() ? left - 1 : left;
    if (room >= 2 && level < 4 && rng_.chance(20)) {
      const std::size_t size = 2 + rng_.below(std::min<std::size_t>(room - 1, 6));
      const std::string inner = group(size, !conjunction, level + 1);
      // OR inside AND needs its parentheses; AND inside OR gets them now and then, as people write them.
      text += conjunction || rng_.chance(30) ? "(" + inner + ")" : inner;
      left -= size;
      continue;
    }
    const Filterable* field = &pick_field();
    for (int tries = 0; conjunction && tries < 8 && std::count(used.begin(), used.end(), field) > 0;
         ++tries) {
      field = &pick_field();
    }
    if (!conjunction && !used.empty() && rng_.chance(30)) field = used.back();
    used.push_back(field);
    if (conjunction && left >= 2 && is_ordered(field->field->type) && rng_.chance(30)) {
      std::string low = literal(*field), high = literal(*field);
      if (field->field->type == FieldType::integer ? std::stol(high) < std::stol(low) : high < low) {
        std::swap(low, high);
      }
      const std::string& name = field->field->name;
      text += name + spaced(">=") + low + " " + keyword("AND") + " " + name + spaced("<=") + high;
      left -= 2;
      continue;
    }
    text += predicate(*field);
    --left;
  }
  return text;
}

std::string ClauseGenerator::realistic() {
  const std::size_t style = rng_.below(10);
  case_ = style < 6 ? Case::upper : style < 9 ? Case::lower : Case::mixed;
  // Most clauses are short: the count is skewed towards 1 (u squared), up to 50.
  const double u = static_cast<double>(rng_.below(1'000'000)) / 1e6;
  const auto predicates = 1 + static_cast<std::size_t>(50 * u * u);
  return group(predicates, rng_.chance(80), 0);
}

std::string ClauseGenerator::wide(std::size_t predicates) {
  case_ = Case::upper;
  std::string text;
  text.reserve(predicates * 40);
  for (std::size_t left = predicates; left > 0;) {
    // Each group pins a user or a product to one name, so that no group, and no OR of them, can be
    // always true: the clause stays a clause through the optimizer and its output is emitted.
    const std::size_t size = std::min<std::size_t>(left, 1 + rng_.below(4));
    if (!text.empty()) text += "\nOR ";
    const std::string pinned = rng_.chance(50) ? "userName = 'user" : "productName = 'product ";
    std::string inner = pinned + std::to_string(rng_.below(predicates)) + "'";
    if (size > 1) inner += " AND " + group(size - 1, true, 4);  // level 4: flat, no further nesting
    text += size > 1 ? "(" + inner + ")" : inner;
    left -= size;
  }
  return text + "\n";
}

std::string ClauseGenerator::nested(std::size_t depth) {
  case_ = Case::upper;
  std::string text = predicate(pick_field());
  for (std::size_t level = 0; level < depth; ++level) {
    const Filterable& field = pick_field();
    text = "(" + predicate(field) + " " + keyword(level % 2 == 0 ? "OR" : "AND") + " " + text + ")";
  }
  return text + "\n";
}

}  // namespace tfq::bench
