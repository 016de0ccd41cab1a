// The conformance corpus, embedded at build time (the wasm tests cannot read files).
#pragma once

#include <cstddef>

namespace loopstep::testing {

struct conformance_program {
    const char* name;
    const char* source;
    const char* expected;
};

extern const conformance_program conformance_corpus[];
extern const std::size_t conformance_corpus_size;

}  // namespace loopstep::testing
