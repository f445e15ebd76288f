# Writes OUTPUT, a C++ file defining the std::string_view tfq::detail::${SYMBOL} with the text of INPUT:
# how the field catalog and the code explanations are compiled into the library.
# Run as a script: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P embed.cmake
file(READ ${INPUT} content)
string(FIND "${content}" ")tfq_text\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )tfq_text\"")
endif()
file(WRITE ${OUTPUT}.tmp
  "// Generated from ${INPUT} by grammar/embed.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace tfq::detail {\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL} = R\"tfq_text(${content})tfq_text\";\n"
  "}  // namespace tfq::detail\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
