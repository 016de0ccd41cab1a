// CPython's Levenshtein-based name suggestions (pairs with suggestions.hpp).
#include "suggestions.hpp"

#include <algorithm>
#include <limits>

namespace loopstep::python {

namespace {
constexpr std::size_t move_cost = 2;  // CPython: MOVE_COST
constexpr std::size_t case_cost = 1;  // CPython: CASE_COST (a letter differing only in case)
constexpr std::size_t max_string_size = 40;
constexpr std::size_t max_candidate_items = 750;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

std::size_t substitution_cost(char a, char b) {
    if (a == b) return 0;
    return ascii_lower(a) == ascii_lower(b) ? case_cost : move_cost;
}

// levenshtein_distance: common prefixes and suffixes are trimmed first; gives up (max + 1)
// when the strings are too long or the cost must exceed `max_cost`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_cost) {
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty()) return (a.size() + b.size()) * move_cost;
    if (a.size() > max_string_size || b.size() > max_string_size) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);
    if ((b.size() - a.size()) * move_cost > max_cost) return max_cost + 1;
    std::vector<std::size_t> row(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * move_cost;
    std::size_t result = 0;
    for (std::size_t j = 0; j < b.size(); ++j) {
        std::size_t distance = result = j * move_cost;
        std::size_t minimum = std::numeric_limits<std::size_t>::max();
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::size_t substitute = distance + substitution_cost(b[j], a[i]);
            distance = row[i];
            result = std::min(std::min(result, distance) + move_cost, substitute);
            row[i] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

// The names of CPython 3.11's builtins module, in its dict's order (site adds the last seven).
const std::vector<std::string>& cpython_builtin_names() {
    static const std::vector<std::string> names = {
        "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__", "__import__", "abs", "all",
        "any", "ascii", "bin", "breakpoint", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval", "exec",
        "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter",
        "aiter", "len", "locals", "max", "min", "next", "anext", "oct", "ord", "pow", "print", "repr", "round",
        "setattr", "sorted", "sum", "vars", "None", "Ellipsis", "NotImplemented", "False", "True", "bool",
        "memoryview", "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate", "filter", "float",
        "frozenset", "property", "int", "list", "map", "object", "range", "reversed", "set", "slice", "staticmethod",
        "str", "super", "tuple", "type", "zip", "__debug__", "BaseException", "BaseExceptionGroup", "Exception",
        "GeneratorExit", "KeyboardInterrupt", "SystemExit", "ArithmeticError", "AssertionError", "AttributeError",
        "BufferError", "EOFError", "ImportError", "LookupError", "MemoryError", "NameError", "OSError",
        "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError",
        "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError", "ZeroDivisionError",
        "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning",
        "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning",
        "UserWarning", "BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError",
        "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
        "ProcessLookupError", "TimeoutError", "IndentationError", "IndexError", "KeyError", "ModuleNotFoundError",
        "NotImplementedError", "RecursionError", "UnboundLocalError", "UnicodeError", "BrokenPipeError",
        "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError", "TabError",
        "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError",
        "IOError", "open", "quit", "exit", "copyright", "credits", "license", "help",
    };
    return names;
}

// What a module run as __main__ holds before its first statement (the oracle's, as CPython's).
const std::vector<std::string>& module_dunder_names() {
    static const std::vector<std::string> names = {"__name__", "__doc__", "__package__", "__loader__", "__spec__",
                                                   "__file__", "__builtins__"};
    return names;
}
}  // namespace

std::string suggest_name(const std::string& name, const std::vector<std::string>& candidates) {
    if (candidates.size() >= max_candidate_items) return "";
    std::string best;
    std::size_t best_distance = std::numeric_limits<std::size_t>::max();
    for (const auto& candidate : candidates) {
        if (candidate == name) continue;
        // No more than 1/3 of the involved characters should need changing.
        const std::size_t max_distance = std::min((name.size() + candidate.size() + 3) * move_cost / 6, best_distance - 1);
        const std::size_t distance = edit_distance(name, candidate, max_distance);
        if (distance > max_distance) continue;
        best = candidate;
        best_distance = distance;
    }
    return best;
}

std::string suggest_for_name_error(const std::string& name, const std::vector<std::string>& varnames,
                                   const std::vector<std::string>& globals) {
    std::string suggestion = suggest_name(name, varnames);
    if (!suggestion.empty()) return suggestion;
    std::vector<std::string> module_names = module_dunder_names();
    for (const auto& global : globals) {
        if (std::find(module_names.begin(), module_names.end(), global) == module_names.end()) module_names.push_back(global);
    }
    suggestion = suggest_name(name, module_names);
    if (!suggestion.empty()) return suggestion;
    return suggest_name(name, cpython_builtin_names());
}

}  // namespace loopstep::python
