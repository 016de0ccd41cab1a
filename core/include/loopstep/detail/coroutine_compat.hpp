// One spelling of the coroutine library for g++ 12 (<coroutine>) and Emscripten's libc++ 13 (<experimental/coroutine>).
#pragma once

#if __has_include(<coroutine>)
#include <coroutine>
namespace loopstep::detail::co {
using std::coroutine_handle;
using std::suspend_always;
using std::suspend_never;
}  // namespace loopstep::detail::co
#else
#include <experimental/coroutine>
namespace loopstep::detail::co {
using std::experimental::coroutine_handle;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace loopstep::detail::co
#endif
