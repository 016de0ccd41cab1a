// Small pieces shared by the documents the model writes for the page to save (the SVG pictures,
// the printable run): text escaped for XML and HTML, and numbers as SVG coordinates. Pairs with markup.cpp.
#pragma once

#include <string>
#include <string_view>

namespace loopstep::web {

// `text` with & < > " escaped: safe in an XML or HTML element's text and in a quoted attribute.
std::string xml_escaped(std::string_view text);
// A coordinate to two decimals ("12.50").
std::string svg_number(double value);

}  // namespace loopstep::web
