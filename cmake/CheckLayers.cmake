# Fails the build when a file in FOLDER includes a project header from a folder its layer may
# not use (docs/design.md, "Layers"). Run by pos_layer_check() below for every library target:
# project headers are those quoted with a path ("db/...", "pos/ui/..."); system headers are the
# targets' link business, so <...> includes are not checked here.
#   cmake -DROOT=<repo> -DFOLDER=pos/ui -DALLOWED="pos/ui;pos/actions;pos/core;support" -DSTAMP=<file> -P CheckLayers.cmake
file(GLOB_RECURSE files ${ROOT}/${FOLDER}/*.cpp ${ROOT}/${FOLDER}/*.hpp)
set(violations "")
foreach(file IN LISTS files)
  file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" header "${line}")
    set(allowed_here FALSE)
    foreach(prefix IN LISTS ALLOWED)
      string(LENGTH "${prefix}/" length)
      string(SUBSTRING "${header}" 0 ${length} head)
      if(head STREQUAL "${prefix}/")
        set(allowed_here TRUE)
      endif()
    endforeach()
    # A header beside the file (no folder in its name) is the file's own business.
    if(NOT allowed_here AND header MATCHES "/")
      file(RELATIVE_PATH shown ${ROOT} ${file})
      string(APPEND violations "  ${shown}: #include \"${header}\"\n")
    endif()
  endforeach()
endforeach()
if(violations)
  string(REPLACE ";" ", " allowed_text "${ALLOWED}")
  message(FATAL_ERROR "Layer check: ${FOLDER} may include only ${allowed_text} (docs/design.md, \"Layers\"):\n"
                      "${violations}")
endif()
file(TOUCH ${STAMP})
