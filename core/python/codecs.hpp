// Text encodings between str and bytes (codecs.cpp): utf-8, ascii and latin-1 under CPython's
// names and aliases, the error handlers strict, ignore and replace, and CPython's
// UnicodeEncodeError / UnicodeDecodeError messages. Other encodings are outside the lesson.
#pragma once

#include <string>

#include "interpreter.hpp"

namespace loopstep::python {

// `text` (a str's UTF-8) encoded: a bytes value, or raised. `encoding` and `errors` are str
// values, or unbound for the defaults ('utf-8', 'strict'); `function` names the caller in
// argument errors ("encode", "bytes").
value encode_str(interpreter& in, const std::string& text, const value& encoding, const value& errors, const char* function);
// `data` decoded to a str value, or raised.
value decode_bytes(interpreter& in, const std::string& data, const value& encoding, const value& errors, const char* function);

// str.encode(encoding='utf-8', errors='strict')
value str_encode(interpreter& in, call_arguments& args);

}  // namespace loopstep::python
