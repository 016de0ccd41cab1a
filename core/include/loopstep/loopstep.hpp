// The public API of the loopstep core: include this one header.
#pragma once

#include "loopstep/coro.hpp"
#include "loopstep/event_loop.hpp"
#include "loopstep/exceptions.hpp"
#include "loopstep/future.hpp"
#include "loopstep/sleep.hpp"
#include "loopstep/task.hpp"
#include "loopstep/trace.hpp"
