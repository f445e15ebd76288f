// A hash index over a list of distinct names (open addressing, linear probing). A look-up costs one hash
// and almost always one string comparison, where a binary search over the sorted names compared several;
// the checker and the optimizer look a field up for every operand.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace tfq {

class NameIndex {
 public:
  static constexpr std::uint32_t npos = UINT32_MAX;

  // Indexes position `index` of the list. `name_at(i)` is the name at position i of the list (the table
  // re-reads the names when it grows). A name already indexed keeps its first position.
  template <typename NameAt>
  void add(std::uint32_t index, NameAt&& name_at) {
    if ((count_ + 1) * 2 > slots_.size()) {
      std::vector<std::uint32_t> old = std::move(slots_);
      slots_.assign(old.empty() ? 16 : old.size() * 2, 0);
      for (std::uint32_t slot : old) {
        if (slot != 0) place(slot - 1, name_at(slot - 1), name_at);
      }
    }
    if (place(index, name_at(index), name_at)) ++count_;
  }

  // The position of `name`, or npos.
  template <typename NameAt>
  std::uint32_t find(std::string_view name, NameAt&& name_at) const {
    if (slots_.empty()) return npos;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash(name) & mask;; at = (at + 1) & mask) {
      const std::uint32_t slot = slots_[at];
      if (slot == 0) return npos;
      if (name_at(slot - 1) == name) return slot - 1;
    }
  }

  void clear() {
    slots_.clear();
    count_ = 0;
  }

 private:
  // Field names are short identifiers that differ in their length, their start or their end
  // (customField1 .. customField10): those three, read as two 8-byte words, hash them in a few
  // instructions, where a multiply per byte cost more than the rest of the look-up. Names that agree on
  // all three only share a probe sequence.
  static std::uint64_t hash(std::string_view name) {
    std::uint64_t head = 0, tail = 0;
    if (name.size() >= 8) {
      std::memcpy(&head, name.data(), 8);
      std::memcpy(&tail, name.data() + name.size() - 8, 8);
    } else if (!name.empty()) {
      std::memcpy(&head, name.data(), name.size());
    }
    std::uint64_t h = (head ^ name.size()) * 0x9E3779B97F4A7C15ULL;
    h = (h ^ (h >> 29) ^ tail) * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
  }

  // Puts index into the first free slot of its probe sequence; false when the name is already there.
  template <typename NameAt>
  bool place(std::uint32_t index, std::string_view name, NameAt& name_at) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash(name) & mask;; at = (at + 1) & mask) {
      if (slots_[at] == 0) {
        slots_[at] = index + 1;
        return true;
      }
      if (name_at(slots_[at] - 1) == name) return false;
    }
  }

  std::vector<std::uint32_t> slots_;  // position + 1; 0 is a free slot
  std::uint32_t count_ = 0;
};

}  // namespace tfq
