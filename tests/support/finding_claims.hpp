// The claims an optimizer finding makes about the predicates it quotes ("`a` is redundant: `b` implies it",
// "`a` conflicts with `b`", "`a` repeats `b`", "`a` is always false", "`a` and `b` together accept every
// value"), read from its message so that a test or a fuzzer can check them on rows with the reference
// evaluator. Rows must leave only nullable fields NULL: "always true" holds of the others alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tfq::test {

// What a message claims about the two predicates it quotes.
enum class Claim {
  first_implies_second,
  second_implies_first,
  equivalent,
  disjoint,
  either,  // every row satisfies one of the two
  first_never,
  first_always,
};

struct Claimed {
  Claim claim;
  std::string first;
  std::string second;
};

// The claim of a message that quotes exactly two whole predicates, or nullopt (a shortened quote, a merged
// condition, "and N more", a claim about one predicate).
inline std::optional<Claimed> claim_of(const std::string& message) {
  std::vector<std::string> quoted;
  std::vector<std::string> between;  // the text around and between the quotes
  std::size_t at = 0;
  while (true) {
    const std::size_t open = message.find('`', at);
    if (open == std::string::npos) break;
    const std::size_t close = message.find('`', open + 1);
    if (close == std::string::npos) return std::nullopt;
    between.push_back(message.substr(at, open - at));
    quoted.push_back(message.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  between.push_back(message.substr(at));
  if (quoted.size() == 1 && quoted[0].find("...") == std::string::npos) {
    if (between[1] == " is always false") return Claimed{Claim::first_never, quoted[0], quoted[0]};
    if (between[1] == " is always true") return Claimed{Claim::first_always, quoted[0], quoted[0]};
  }
  if (quoted.size() != 2) return std::nullopt;
  for (const std::string& q : quoted) {
    if (q.size() >= 3 && q.compare(q.size() - 3, 3, "...") == 0) return std::nullopt;
  }
  if (between[0].find("merged from") != std::string::npos ||
      between[1].find("merged from") != std::string::npos)
    return std::nullopt;
  const std::string& middle = between[1];
  const std::string& tail = between[2];
  if (middle == " is redundant: " && tail == " implies it")
    return Claimed{Claim::second_implies_first, quoted[0], quoted[1]};
  if (middle == " is redundant: it implies " && tail.empty())
    return Claimed{Claim::first_implies_second, quoted[0], quoted[1]};
  if (middle == " is redundant: " &&
      (tail == " already accepts every value it accepts" || tail == " accepts every value it accepts"))
    return Claimed{Claim::first_implies_second, quoted[0], quoted[1]};
  if (middle == " is redundant: every value " && tail == " accepts matches it")
    return Claimed{Claim::second_implies_first, quoted[0], quoted[1]};
  if (middle == " repeats " && tail.empty()) return Claimed{Claim::equivalent, quoted[0], quoted[1]};
  if (middle == " conflicts with " && tail.empty()) return Claimed{Claim::disjoint, quoted[0], quoted[1]};
  if (middle == " and " && tail == " together accept every value")
    return Claimed{Claim::either, quoted[0], quoted[1]};
  if (middle == " is redundant: it only excludes rows that " && tail == " accepts")
    return Claimed{Claim::either, quoted[0], quoted[1]};
  return std::nullopt;
}

inline bool holds(Claim claim, bool first, bool second) {
  switch (claim) {
    case Claim::first_implies_second: return !first || second;
    case Claim::second_implies_first: return !second || first;
    case Claim::equivalent: return first == second;
    case Claim::disjoint: return !(first && second);
    case Claim::either: return first || second;
    case Claim::first_never: return !first;
    case Claim::first_always: return first;
  }
  return false;
}

}  // namespace tfq::test
