// Every program of the project's CPython corpus (tests/conformance/) prints exactly what
// CPython 3.11 printed, run in-process on this target (native, or wasm under Node).
#include <catch2/catch.hpp>

#include "conformance_corpus.hpp"
#include "loopstep/python/run_program.hpp"

namespace {
// The corpus's .out format (see tests/conformance/README.md).
std::string as_corpus_text(const loopstep::python::program_result& result) {
    if (result.exit_code == 0) {
        if (result.error_output.empty()) return result.output;
        std::string text = result.output;
        if (!text.empty() && text.back() != '\n') text += '\n';
        return text + "--- stderr ---\n" + result.error_output;  // a warning, as CPython prints it
    }
    std::string text = result.output;
    if (!text.empty() && text.back() != '\n') text += '\n';
    std::string errors = result.error_output;
    while (!errors.empty() && errors.back() == '\n') errors.pop_back();
    const std::size_t last_break = errors.rfind('\n');
    const std::string last_line = last_break == std::string::npos ? errors : errors.substr(last_break + 1);
    return text + "--- exit " + std::to_string(result.exit_code) + " ---\n" + last_line + "\n";
}
}  // namespace

TEST_CASE("every corpus program prints exactly what CPython 3.11 printed", "[conformance]") {
    REQUIRE(loopstep::testing::conformance_corpus_size >= 60);
    for (std::size_t i = 0; i < loopstep::testing::conformance_corpus_size; ++i) {
        const auto& program = loopstep::testing::conformance_corpus[i];
        DYNAMIC_SECTION(program.name) {
            loopstep::python::program_options options;
            options.filename = program.name;
            const auto result = loopstep::python::run_program(program.source, options);
            CHECK(as_corpus_text(result) == program.expected);
        }
    }
}
