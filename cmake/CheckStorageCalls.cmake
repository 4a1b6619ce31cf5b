# Fails the build when a file in FOLDER (pos/..., sync) reaches past the storage layer: SQL text in
# a string literal, or a db::Connection taken from LaneDb/StoreDb with connection(). They ask db/
# for named operations (LaneDb::commit_sale, db::find_member); SQL lives in db/ only.
# Run by pos_layer_check() in CMakeLists.txt for sync and every folder under pos/.
#   cmake -DROOT=<repo> -DFOLDER=pos/actions -P CheckStorageCalls.cmake
file(GLOB_RECURSE files ${ROOT}/${FOLDER}/*.cpp ${ROOT}/${FOLDER}/*.hpp)
set(violations "")
foreach(file IN LISTS files)
  file(RELATIVE_PATH shown ${ROOT} ${file})
  file(STRINGS ${file} lines REGEX "connection\\(\\)|\"(SELECT|INSERT|UPDATE|DELETE|PRAGMA|BEGIN|CREATE|WITH)[ \"]")
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    string(APPEND violations "  ${shown}: ${line}\n")
  endforeach()
endforeach()
if(violations)
  message(FATAL_ERROR "Storage check: ${FOLDER} may not write SQL or use connection(); add a named operation to "
                      "LaneDb/StoreDb or a db/ function and call that:\n${violations}")
endif()
