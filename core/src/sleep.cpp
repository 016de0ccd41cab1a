// asyncio.sleep on the virtual clock (pairs with sleep.hpp).
#include "loopstep/sleep.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace loopstep {

std::string seconds_text(double seconds) {
    char text[32];
    // Whole numbers print as Python prints them (60, not 6e+01), up to where repr switches.
    if (seconds == static_cast<double>(static_cast<long long>(seconds)) && std::abs(seconds) < 1e16) {
        std::snprintf(text, sizeof text, "%lld", static_cast<long long>(seconds));
        return text;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*g", precision, seconds);
        if (std::strtod(text, nullptr) == seconds) break;
    }
    return text;
}

void sleep_awaiter::start_timer() {
    event_loop& loop = sleeper_->as_future().loop();
    std::string label = loop.tracing() ? "sleep(" + seconds_text(delay_) + ")" : std::string{};
    wakeup_ = create_future<void>(loop, label);
    timer_ = loop.call_later(
        delay_,
        [wakeup = wakeup_] {
            if (!wakeup->done()) wakeup->set_result();
        },
        std::move(label), sleeper_->id());
    sleeper_->suspend_on(wakeup_);
}

}  // namespace loopstep
