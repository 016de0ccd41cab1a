// Python values: immediates (None, bool, int, float) inline, everything else a shared
// heap object (objects.hpp). A raised exception travels as a value too (is_raised()),
// returned up the VM and the runtime as CPython returns NULL: no C++ throw per Python raise.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace loopstep::python {

struct object;
using object_ptr = std::shared_ptr<object>;

class value {
public:
    enum class kind : std::uint8_t { none, boolean, integer, floating, object, unbound, raised };

    value() = default;
    // Copies and moves touch the shared object only when there is one: ints, floats and
    // None (most of what the VM's stack holds) are copied as plain bits.
    [[gnu::always_inline]] value(const value& other) noexcept : kind_(other.kind_), int_(other.int_) {
        if (other.object_) object_ = other.object_;
    }
    [[gnu::always_inline]] value(value&& other) noexcept : kind_(other.kind_), int_(other.int_) {
        if (other.object_) object_ = std::move(other.object_);
    }
    [[gnu::always_inline]] value& operator=(const value& other) noexcept {
        kind_ = other.kind_;
        int_ = other.int_;
        if (object_ || other.object_) object_ = other.object_;
        return *this;
    }
    [[gnu::always_inline]] value& operator=(value&& other) noexcept {
        kind_ = other.kind_;
        int_ = other.int_;
        if (object_ || other.object_) object_ = std::move(other.object_);
        return *this;
    }
    ~value() = default;
    static value none() { return {}; }
    static value boolean(bool b) { value v; v.kind_ = kind::boolean; v.int_ = b; return v; }
    static value integer(std::int64_t i) { value v; v.kind_ = kind::integer; v.int_ = i; return v; }
    static value floating(double f) { value v; v.kind_ = kind::floating; v.float_ = f; return v; }
    static value of(object_ptr o) { value v; v.kind_ = kind::object; v.object_ = std::move(o); return v; }
    // A local that was never assigned (reading it raises UnboundLocalError).
    static value unbound() { value v; v.kind_ = kind::unbound; return v; }
    // The result of an operation that raised `exception` (an exception object).
    static value raised(object_ptr exception) { value v; v.kind_ = kind::raised; v.object_ = std::move(exception); return v; }

    kind type() const { return kind_; }
    bool is_none() const { return kind_ == kind::none; }
    bool is_bool() const { return kind_ == kind::boolean; }
    bool is_int() const { return kind_ == kind::integer; }
    bool is_float() const { return kind_ == kind::floating; }
    bool is_object() const { return kind_ == kind::object; }
    bool is_unbound() const { return kind_ == kind::unbound; }
    bool is_raised() const { return kind_ == kind::raised; }
    // int or bool: Python's bool is an int subclass
    bool is_int_like() const { return kind_ == kind::integer || kind_ == kind::boolean; }
    bool is_number() const { return is_int_like() || kind_ == kind::floating; }

    bool as_bool() const { return int_ != 0; }
    std::int64_t as_int() const { return int_; }
    double as_float() const { return float_; }
    double to_double() const { return kind_ == kind::floating ? float_ : static_cast<double>(int_); }
    const object_ptr& as_object() const { return object_; }
    template <class T>
    T* as() const;  // the object as T if it is one (objects.hpp), else nullptr
    // Moves the object out (this value becomes None): how containers are freed level by
    // level instead of recursively (objects.cpp).
    object_ptr take_object() {
        kind_ = kind::none;
        return std::move(object_);
    }

private:
    kind kind_ = kind::none;
    union {
        std::int64_t int_ = 0;
        double float_;
    };
    object_ptr object_;
};

// The text of a value for the trace (a task's result in the viewer): Python's repr for
// None, bools, numbers, strings and lists/tuples of them; "<kind>" for other objects.
// Found by ADL from loopstep::future<value>::result_text.
std::string value_text(const value& v);

}  // namespace loopstep::python
