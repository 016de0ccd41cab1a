// asyncio.to_thread and loop.run_in_executor(None, ...): functions on worker threads on the
// virtual clock (loopstep/worker_thread.hpp), where time.sleep pauses the thread, not the loop.
#pragma once

#include <string>

#include "interpreter.hpp"

namespace loopstep::python {

// time.sleep(seconds) called by the code of the worker thread running now: its frames pause
// for `seconds` of virtual time while the loop runs on (true). False when no worker thread
// is running this code: then time.sleep blocks the loop, as in any task. `shown` is the
// argument as the program wrote it, for the trace.
bool sleep_in_worker_thread(interpreter& in, double seconds, const std::string& shown);

}  // namespace loopstep::python
