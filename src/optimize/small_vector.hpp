// A vector that holds its first N elements inline, for lists that are usually short: the origins of a
// predicate in the optimizer's working form, the intervals of a set (most are one value or one range), or
// a rule's scratch lists would otherwise cost an allocation each.
// Only for trivially copyable elements (pointers, intervals), which are copied as bytes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <new>
#include <type_traits>

namespace tfq::opt {

template <typename T, std::uint32_t N>
class SmallVector {
  static_assert(std::is_trivially_copyable_v<T> && N > 0);

 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  SmallVector() = default;
  SmallVector(std::initializer_list<T> items) { append(items.begin(), items.end()); }
  SmallVector(const SmallVector& other) { append(other.begin(), other.end()); }
  SmallVector(SmallVector&& other) noexcept { take(other); }
  SmallVector& operator=(const SmallVector& other) {
    if (this != &other) {
      size_ = 0;
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
  T& front() { return data()[0]; }
  const T& front() const { return data()[0]; }

  void push_back(T item) {
    reserve(size_ + 1);
    data()[size_++] = item;
  }
  // Appends [first, last), which must not lie inside this vector.
  template <typename It>
  void append(It first, It last) {
    const auto count = static_cast<std::size_t>(std::distance(first, last));
    reserve(size_ + count);
    std::copy(first, last, data() + size_);
    size_ += static_cast<std::uint32_t>(count);
  }
  // Keeps the first `count` elements (count <= size()).
  void truncate(std::size_t count) {
    size_ = static_cast<std::uint32_t>(std::min<std::size_t>(count, size_));
  }
  // Makes it `count` copies of `value`.
  void assign(std::size_t count, T value) {
    size_ = 0;
    reserve(count);
    std::fill_n(data(), count, value);
    size_ = static_cast<std::uint32_t>(count);
  }
  void reserve(std::size_t wanted) {
    if (wanted <= capacity_) return;
    const std::size_t grown = std::max<std::size_t>(wanted, std::size_t{capacity_} * 2);
    T* bigger = new T[grown];
    if (size_ > 0) std::memcpy(bigger, data(), size_ * sizeof(T));
    if (on_heap()) delete[] heap_;
    heap_ = bigger;
    capacity_ = static_cast<std::uint32_t>(grown);
  }

 private:
  bool on_heap() const { return capacity_ > N; }
  void release() {
    if (on_heap()) delete[] heap_;
    size_ = 0;
    capacity_ = N;
  }
  // Moves other's elements here (this one is empty) and leaves other empty.
  void take(SmallVector& other) {
    if (other.on_heap()) {
      heap_ = other.heap_;
      capacity_ = other.capacity_;
      other.capacity_ = N;
    } else {
      // The whole inline room, a size known when compiling: a few moves rather than a call to memcpy.
      std::memcpy(inline_, other.inline_, sizeof inline_);
    }
    size_ = other.size_;
    other.size_ = 0;
  }

  // The elements live inline until they outgrow N (capacity_ > N): the two never hold at once, so they share
  // their bytes, and a list of one pointer takes 16 bytes. The inline room is bytes, so that elements with a
  // default constructor (intervals) need not be built there before they are written.
  union {
    T* heap_ = nullptr;  // set, so that no compiler sees it read before it is written
    alignas(T) unsigned char inline_[N * sizeof(T)];
  };
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = N;
};

}  // namespace tfq::opt
