// The methods of str (str_methods.cpp), looked up by methods.cpp's attribute access.
#pragma once

#include <map>
#include <string>

#include "interpreter.hpp"

namespace loopstep::python {

using str_method = value (*)(interpreter&, call_arguments&);
const std::map<std::string, str_method>& str_method_table();

}  // namespace loopstep::python
