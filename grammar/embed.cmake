# Writes OUTPUT, a C++ file defining tfq::detail::builtin_catalog_json, from the JSON file INPUT.
file(READ ${INPUT} content)
string(FIND "${content}" ")tfq_catalog\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "catalog.json contains the raw-string delimiter")
endif()
file(WRITE ${OUTPUT}.tmp
  "// Generated from grammar/catalog.json by grammar/embed.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace tfq::detail {\n"
  "extern const std::string_view builtin_catalog_json;\n"
  "const std::string_view builtin_catalog_json = R\"tfq_catalog(${content})tfq_catalog\";\n"
  "}  // namespace tfq::detail\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
