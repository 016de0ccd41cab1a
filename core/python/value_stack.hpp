// A frame's operand stack: a growable array of values whose push and pop are always inlined.
// They are the VM's most frequent operations, and g++ would not inline std::vector's into the
// large dispatch loop (a call per push and pop was a fifth of a CPU-bound program's time).
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <new>
#include <utility>

#include "value.hpp"

namespace loopstep::python {

class value_stack {
public:
    value_stack() = default;
    value_stack(const value_stack&) = delete;
    value_stack& operator=(const value_stack&) = delete;
    value_stack(value_stack&& other) noexcept { swap(other); }
    value_stack& operator=(value_stack&& other) noexcept {
        value_stack moved(std::move(other));
        swap(moved);
        return *this;
    }
    ~value_stack() {
        clear();
        std::allocator<value>().deallocate(begin_, capacity());
    }

    [[gnu::always_inline]] void push_back(const value& v) {
        if (end_ == capacity_end_) [[unlikely]] grow();
        ::new (static_cast<void*>(end_)) value(v);
        ++end_;
    }
    [[gnu::always_inline]] void push_back(value&& v) {
        if (end_ == capacity_end_) [[unlikely]] grow();
        ::new (static_cast<void*>(end_)) value(std::move(v));
        ++end_;
    }
    template <class... Args>
    void emplace_back(Args&&... args) { push_back(value(std::forward<Args>(args)...)); }
    [[gnu::always_inline]] void pop_back() {
        --end_;
        end_->~value();
    }

    value& back() { return end_[-1]; }
    const value& back() const { return end_[-1]; }
    value& operator[](std::size_t i) { return begin_[i]; }
    const value& operator[](std::size_t i) const { return begin_[i]; }
    value* begin() { return begin_; }
    value* end() { return end_; }
    const value* begin() const { return begin_; }
    const value* end() const { return end_; }
    std::size_t size() const { return std::size_t(end_ - begin_); }
    bool empty() const { return end_ == begin_; }
    std::size_t capacity() const { return std::size_t(capacity_end_ - begin_); }

    void resize(std::size_t n) {
        while (size() > n) pop_back();
        if (n > capacity()) reserve(n);
        while (size() < n) push_back(value());
    }
    void clear() {
        while (end_ != begin_) pop_back();
    }
    void reserve(std::size_t n) {
        if (n <= capacity()) return;
        value* fresh = std::allocator<value>().allocate(n);
        value* out = fresh;
        for (value* v = begin_; v != end_; ++v, ++out) {
            ::new (static_cast<void*>(out)) value(std::move(*v));
            v->~value();
        }
        std::allocator<value>().deallocate(begin_, capacity());
        begin_ = fresh;
        end_ = out;
        capacity_end_ = fresh + n;
    }

private:
    [[gnu::noinline]] void grow() { reserve(std::max<std::size_t>(8, capacity() * 2)); }
    void swap(value_stack& other) noexcept {
        std::swap(begin_, other.begin_);
        std::swap(end_, other.end_);
        std::swap(capacity_end_, other.capacity_end_);
    }

    value* begin_ = nullptr;
    value* end_ = nullptr;
    value* capacity_end_ = nullptr;
};

}  // namespace loopstep::python
