// Every program of the project's CPython corpus (tests/conformance/) prints exactly what
// CPython 3.11 printed, run in-process on this target (native, or wasm under Node). The real
// programs (400-499, collected from the asyncio docs and tutorials) may instead stop cleanly with
// the project's "... is not supported in this lesson" error (issue 11's rule; tools/real_corpus.py
// prints the same verdicts as a table).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <string>

#include "conformance_corpus.hpp"
#include "loopstep/python/run_program.hpp"

namespace {
std::string last_line_of(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    const std::size_t last_break = text.rfind('\n');
    return last_break == std::string::npos ? text : text.substr(last_break + 1);
}

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
    return text + "--- exit " + std::to_string(result.exit_code) + " ---\n" + last_line_of(result.error_output) + "\n";
}

// CPython's stdout within a .out text: all of it, or what precedes its "--- exit N ---" line
// (the next-to-last line, when the program failed).
std::string expected_stdout(const std::string& expected) {
    if (expected.empty() || expected.back() != '\n') return expected;
    const std::size_t error_line = expected.rfind('\n', expected.size() - 2);
    if (error_line == std::string::npos) return expected;
    const std::size_t mark_line = error_line == 0 ? 0 : expected.rfind('\n', error_line - 1) + 1;
    const std::string mark = expected.substr(mark_line, error_line - mark_line);
    const bool is_mark = mark.rfind("--- exit ", 0) == 0 && mark.size() > 13 && mark.substr(mark.size() - 4) == " ---";
    return is_mark ? expected.substr(0, mark_line) : expected;
}

bool is_real_program(const std::string& name) {
    return name.size() > 4 && name[0] == '4' && std::isdigit(static_cast<unsigned char>(name[1])) &&
           std::isdigit(static_cast<unsigned char>(name[2])) && name[3] == '_';
}

// A clean stop: the project's not-supported error, after a prefix of what CPython printed.
bool stopped_as_not_supported(const loopstep::python::program_result& result, const std::string& expected) {
    return result.exit_code != 0 &&
           last_line_of(result.error_output).find("not supported in this lesson") != std::string::npos &&
           expected_stdout(expected).compare(0, result.output.size(), result.output) == 0;
}

loopstep::python::program_result run_corpus_program(const loopstep::testing::conformance_program& program) {
    loopstep::python::program_options options;
    options.filename = program.name;
    return loopstep::python::run_program(program.source, options);
}
}  // namespace

TEST_CASE("every corpus program prints exactly what CPython 3.11 printed", "[conformance]") {
    REQUIRE(loopstep::testing::conformance_corpus_size >= 60);
    for (std::size_t i = 0; i < loopstep::testing::conformance_corpus_size; ++i) {
        const auto& program = loopstep::testing::conformance_corpus[i];
        if (is_real_program(program.name)) continue;
        DYNAMIC_SECTION(program.name) {
            CHECK(as_corpus_text(run_corpus_program(program)) == program.expected);
        }
    }
}

// Issue 11's rule for the real programs (`./dev realcorpus` prints the table).
TEST_CASE("every real program prints exactly what CPython printed or stops as not supported", "[conformance][real]") {
    std::size_t real = 0;
    for (std::size_t i = 0; i < loopstep::testing::conformance_corpus_size; ++i) {
        const auto& program = loopstep::testing::conformance_corpus[i];
        if (!is_real_program(program.name)) continue;
        ++real;
        DYNAMIC_SECTION(program.name) {
            const auto result = run_corpus_program(program);
            const std::string text = as_corpus_text(result);
            if (text != program.expected && !stopped_as_not_supported(result, program.expected)) {
                INFO("neither CPython's exact output nor a clean 'not supported in this lesson' stop; stderr:\n"
                     << result.error_output);
                CHECK(text == program.expected);
            }
        }
    }
    REQUIRE(real >= 60);
}

// The real programs that need bytes (literals, str.encode, decode, random.randbytes) once
// stopped as not supported; they must stay exact.
TEST_CASE("the real programs that use bytes print exactly what CPython printed", "[conformance][real][bytes]") {
    const std::string needing_bytes[] = {"430_docs_tcp_echo_client.py", "483_docs_stream_http_headers.py", "484_docs_tcp_echo_server.py",
                                         "485_realpython_randbytes_checksum.py", "486_docs_bytes_hex_fromhex.py",
                                         "487_docs_subprocess_communicate.py"};
    std::size_t found = 0;
    for (std::size_t i = 0; i < loopstep::testing::conformance_corpus_size; ++i) {
        const auto& program = loopstep::testing::conformance_corpus[i];
        if (std::find(std::begin(needing_bytes), std::end(needing_bytes), program.name) == std::end(needing_bytes)) continue;
        ++found;
        DYNAMIC_SECTION(program.name) {
            CHECK(as_corpus_text(run_corpus_program(program)) == program.expected);
        }
    }
    CHECK(found == std::size(needing_bytes));
}
