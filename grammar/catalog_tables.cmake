# Writes OUTPUT, a C++ file defining tfq::detail::builtin_fields() and builtin_enums() (declared in
# src/catalog/builtin_catalog.hpp) from the catalog document INPUT: the built-in catalog is compiled into
# the library as data, so that no process parses JSON to start. The rules of the catalog format are not
# restated here: the test suite requires these tables to equal what the catalog reader makes of INPUT.
# Run as a script: cmake -DINPUT=... -DOUTPUT=... -P catalog_tables.cmake
file(READ ${INPUT} document)

# A C++ string literal of any text: a raw string, whose delimiter the catalog must not contain.
function(cpp_string out text)
  string(FIND "${text}" ")tfq\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${INPUT}: a string contains the raw-string delimiter )tfq\"")
  endif()
  set(${out} "R\"tfq(${text})tfq\"" PARENT_SCOPE)
endfunction()

# The JSON value at the path, or DEFAULT when the key is absent.
function(json_or out default)
  string(JSON value ERROR_VARIABLE missing GET "${document}" ${ARGN})
  if(missing)
    set(value "${default}")
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

function(cpp_bool out json_value)
  if(json_value)
    set(${out} true PARENT_SCOPE)
  else()
    set(${out} false PARENT_SCOPE)
  endif()
endfunction()

# A braced list of the strings of the array at the path ({} when the key is absent).
function(cpp_string_list out)
  string(JSON count ERROR_VARIABLE missing LENGTH "${document}" ${ARGN})
  set(list "{")
  if(NOT missing AND count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON item GET "${document}" ${ARGN} ${i})
      cpp_string(literal "${item}")
      if(i GREATER 0)
        string(APPEND list ", ")
      endif()
      string(APPEND list "${literal}")
    endforeach()
  endif()
  string(APPEND list "}")
  set(${out} "${list}" PARENT_SCOPE)
endfunction()

# Starts the function builtin_<key>() returning the entries of the array `key`, of C++ type `type`; sets
# `last` to the array's last index.
macro(begin_table key type)
  string(JSON count LENGTH "${document}" ${key})
  if(NOT count GREATER 0)
    message(FATAL_ERROR "${INPUT}: the built-in catalog needs a non-empty \"${key}\" array")
  endif()
  math(EXPR last "${count} - 1")
  string(APPEND code "std::vector<${type}> builtin_${key}() {\n  std::vector<${type}> ${key};\n")
  string(APPEND code "  ${key}.reserve(${count});\n")
endmacro()

set(types_string string)
set(types_date date)
set(types_month month)
set(types_datetime datetime)
set(types_integer integer)
set(types_number number)
set(types_enum enumeration)

set(code "// Generated from ${INPUT} by grammar/catalog_tables.cmake. Do not edit.\n")
string(APPEND code "#include \"catalog/builtin_catalog.hpp\"\n\nnamespace tfq::detail {\n\n")

begin_table(fields FieldInfo)
foreach(i RANGE ${last})
  string(JSON name GET "${document}" fields ${i} name)
  string(JSON type GET "${document}" fields ${i} type)
  if(NOT DEFINED types_${type})
    message(FATAL_ERROR "${INPUT}: field \"${name}\" has the unknown type \"${type}\"")
  endif()
  json_or(metric OFF fields ${i} metric)
  json_or(session_level OFF fields ${i} session_level)
  json_or(nullable OFF fields ${i} nullable)
  json_or(enum_name "" fields ${i} enum)
  json_or(description "" fields ${i} description)
  json_or(example "" fields ${i} example)
  cpp_bool(metric "${metric}")
  cpp_bool(session_level "${session_level}")
  cpp_bool(nullable "${nullable}")
  cpp_string(name "${name}")
  cpp_string(enum_name "${enum_name}")
  cpp_string(description "${description}")
  cpp_string(example "${example}")
  cpp_string_list(categories fields ${i} categories)
  string(APPEND code "  fields.push_back({.name = ${name},\n"
                     "                   .metric = ${metric},\n"
                     "                   .type = FieldType::${types_${type}},\n"
                     "                   .enum_name = ${enum_name},\n"
                     "                   .categories = ${categories},\n"
                     "                   .session_level = ${session_level},\n"
                     "                   .nullable = ${nullable},\n"
                     "                   .description = ${description},\n"
                     "                   .example = ${example}});\n")
endforeach()
string(APPEND code "  return fields;\n}\n\n")

begin_table(enums EnumInfo)
foreach(i RANGE ${last})
  string(JSON name GET "${document}" enums ${i} name)
  cpp_string(name "${name}")
  cpp_string_list(values enums ${i} values)
  cpp_string_list(legacy enums ${i} legacy)
  string(APPEND code "  enums.push_back({.name = ${name}, .values = ${values}, .legacy_values = ${legacy}});\n")
endforeach()
string(APPEND code "  return enums;\n}\n\n}  // namespace tfq::detail\n")

file(WRITE ${OUTPUT}.tmp "${code}")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
