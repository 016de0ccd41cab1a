#include "unsupported_names.hpp"

#include <algorithm>
#include <cstring>

namespace loopstep::python {

std::optional<std::string> unsupported_name_message(const std::string& module, const std::string& name) {
    for (const auto& entry : cpython_module_names()) {
        if (module != entry.module) continue;
        const bool known = std::binary_search(entry.names.begin(), entry.names.end(), name.c_str(),
                                              [](const char* a, const char* b) { return std::strcmp(a, b) < 0; });
        if (known) return module + "." + name + " is not supported in this lesson";
    }
    return std::nullopt;
}

}  // namespace loopstep::python
