// Text of stored exceptions (pairs with exceptions.hpp).
#include "loopstep/exceptions.hpp"

namespace loopstep {

bool is_cancellation(const std::exception_ptr& error, std::string* message) {
    if (!error) return false;
    try {
        std::rethrow_exception(error);
    } catch (const cancelled_error& cancelled) {
        if (message) *message = cancelled.message();
        return true;
    } catch (...) {
        return false;
    }
}

std::string describe_exception(const std::exception_ptr& error) {
    if (!error) return "None";
    try {
        std::rethrow_exception(error);
    } catch (const cancelled_error& cancelled) {
        return cancelled.message().empty() ? "CancelledError()" : "CancelledError('" + cancelled.message() + "')";
    } catch (const std::exception& exception) {
        return exception.what();
    } catch (...) {
        return "unknown exception";
    }
}

}  // namespace loopstep
