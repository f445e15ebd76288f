// A vector that holds its first N elements inline, for lists that are usually short: the values of a
// predicate (most have one), the origins of a predicate in the optimizer's working form, the intervals of a
// set (most are one value or one range), or a rule's scratch lists would otherwise cost an allocation each.
// Trivially copyable elements (pointers, intervals) are moved as bytes; others (operands) by their moves.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace tfq {

template <typename T, std::uint32_t N>
class SmallVector {
  static_assert(N > 0);
  static_assert(std::is_nothrow_move_constructible_v<T>);
  static constexpr bool trivial = std::is_trivially_copyable_v<T>;

 public:
  using value_type = T;
  using size_type = std::size_t;
  using reference = T&;
  using const_reference = const T&;
  using iterator = T*;
  using const_iterator = const T*;

  SmallVector() = default;
  SmallVector(std::initializer_list<T> items) { append(items.begin(), items.end()); }
  SmallVector(const SmallVector& other) { append(other.begin(), other.end()); }
  SmallVector(SmallVector&& other) noexcept { take(other); }
  SmallVector& operator=(const SmallVector& other) {
    if (this != &other) {
      clear();
      append(other.begin(), other.end());
    }
    return *this;
  }
  SmallVector& operator=(SmallVector&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }
  SmallVector& operator=(std::initializer_list<T> items) {
    clear();
    append(items.begin(), items.end());
    return *this;
  }
  ~SmallVector() { release(); }

  friend bool operator==(const SmallVector& a, const SmallVector& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return on_heap() ? heap_ : std::launder(reinterpret_cast<T*>(inline_)); }
  const T* data() const { return on_heap() ? heap_ : std::launder(reinterpret_cast<const T*>(inline_)); }
  T* begin() { return data(); }
  T* end() { return data() + size_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }
  T& operator[](std::size_t i) { return data()[i]; }
  const T& operator[](std::size_t i) const { return data()[i]; }
  T& at(std::size_t i) { return i < size_ ? data()[i] : out_of_range(); }
  const T& at(std::size_t i) const { return i < size_ ? data()[i] : out_of_range(); }
  T& front() { return data()[0]; }
  const T& front() const { return data()[0]; }
  T& back() { return data()[size_ - 1]; }
  const T& back() const { return data()[size_ - 1]; }

  void push_back(const T& item) { emplace_back(item); }
  void push_back(T&& item) { emplace_back(std::move(item)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    T* slot = nullptr;
    if (size_ == capacity_) {
      // Built before the elements move, since the arguments may refer to one of them.
      T item(std::forward<Args>(args)...);
      reserve(std::size_t{size_} + 1);
      slot = ::new (static_cast<void*>(end())) T(std::move(item));
    } else {
      slot = ::new (static_cast<void*>(end())) T(std::forward<Args>(args)...);
    }
    ++size_;
    return *slot;
  }
  // Appends [first, last), which must not lie inside this vector.
  template <typename It>
  void append(It first, It last) {
    const auto count = static_cast<std::size_t>(std::distance(first, last));
    reserve(size_ + count);
    std::uninitialized_copy(first, last, end());
    size_ += static_cast<std::uint32_t>(count);
  }
  // Makes it the elements of [first, last), which must not lie inside this vector.
  template <typename It>
  void assign(It first, It last) {
    clear();
    append(first, last);
  }
  // Makes it `count` copies of `value`, which must not be one of its elements.
  void assign(std::size_t count, const T& value) {
    clear();
    reserve(count);
    std::uninitialized_fill_n(data(), count, value);
    size_ = static_cast<std::uint32_t>(count);
  }
  // Keeps the first `count` elements (count <= size()).
  void truncate(std::size_t count) {
    if (count >= size_) return;
    std::destroy(begin() + count, end());
    size_ = static_cast<std::uint32_t>(count);
  }
  void clear() { truncate(0); }
  void reserve(std::size_t wanted) {
    if (wanted <= capacity_) return;
    const std::size_t grown = std::max<std::size_t>(wanted, std::size_t{capacity_} * 2);
    T* bigger = std::allocator<T>().allocate(grown);
    relocate(data(), size_, bigger);
    if (on_heap()) std::allocator<T>().deallocate(heap_, capacity_);
    heap_ = bigger;
    capacity_ = static_cast<std::uint32_t>(grown);
  }

 private:
  [[noreturn]] static T& out_of_range() { throw std::out_of_range("SmallVector::at"); }
  bool on_heap() const { return capacity_ > N; }
  // Moves `count` elements from `from` into the raw storage `to` and ends their lives at `from`.
  static void relocate(T* from, std::size_t count, T* to) {
    if constexpr (trivial) {
      if (count > 0) std::memcpy(static_cast<void*>(to), from, count * sizeof(T));
    } else {
      std::uninitialized_move(from, from + count, to);
      std::destroy(from, from + count);
    }
  }
  void release() {
    clear();
    if (on_heap()) std::allocator<T>().deallocate(heap_, capacity_);
    capacity_ = N;
  }
  // Moves other's elements here (this one is empty) and leaves other empty.
  void take(SmallVector& other) {
    if (other.on_heap()) {
      heap_ = other.heap_;
      capacity_ = other.capacity_;
      other.capacity_ = N;
    } else if constexpr (trivial) {
      // The whole inline room, a size known when compiling: a few moves rather than a call to memcpy.
      std::memcpy(inline_, other.inline_, sizeof inline_);
    } else {
      relocate(other.data(), other.size_, data());
    }
    size_ = other.size_;
    other.size_ = 0;
  }

  // The elements live inline until they outgrow N (capacity_ > N): the two never hold at once, so they share
  // their bytes, and a list of one pointer takes 16 bytes. The inline room is bytes, so that elements are
  // built there only when they are added.
  union {
    T* heap_ = nullptr;  // set, so that no compiler sees it read before it is written
    alignas(T) unsigned char inline_[N * sizeof(T)];
  };
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = N;
};

}  // namespace tfq
