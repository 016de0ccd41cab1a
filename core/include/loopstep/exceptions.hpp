// asyncio's exception types (Lib/asyncio/exceptions.py), raised at the awaiter and stored in futures.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace loopstep {

// Like Python's CancelledError, this is not an ordinary error: code that catches
// std::runtime_error does not swallow a cancellation by accident.
class cancelled_error : public std::exception {
public:
    explicit cancelled_error(std::string message = {}) : message_(std::move(message)) {}
    const char* what() const noexcept override { return message_.empty() ? "CancelledError" : message_.c_str(); }
    const std::string& message() const { return message_; }

private:
    std::string message_;
};

class invalid_state_error : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

class timeout_error : public std::runtime_error {
public:
    timeout_error() : std::runtime_error("TimeoutError") {}
    explicit timeout_error(const std::string& message) : std::runtime_error(message) {}
};

class queue_empty : public std::runtime_error {
public:
    queue_empty() : std::runtime_error("QueueEmpty") {}
};

class queue_full : public std::runtime_error {
public:
    queue_full() : std::runtime_error("QueueFull") {}
};

// The loop would wait forever: nothing is ready and no timer is pending.
class deadlock_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The loop ran more callbacks than loop_options::step_limit allows (a program that never ends).
class step_limit_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What TaskGroup raises when children failed: every child error, in completion order.
class exception_group : public std::runtime_error {
public:
    exception_group(std::string message, std::vector<std::exception_ptr> errors)
        : std::runtime_error(message + " (" + std::to_string(errors.size()) + " sub-exception" +
                             (errors.size() == 1 ? "" : "s") + ")"),
          errors_(std::move(errors)) {}
    const std::vector<std::exception_ptr>& exceptions() const { return errors_; }

private:
    std::vector<std::exception_ptr> errors_;
};

// True if `error` holds a cancelled_error (copies its message to *message if given).
bool is_cancellation(const std::exception_ptr& error, std::string* message = nullptr);

// Text of a stored exception, for reports and the trace ("ValueError: bad" style where known).
std::string describe_exception(const std::exception_ptr& error);

}  // namespace loopstep
