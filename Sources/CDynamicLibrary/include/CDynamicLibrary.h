// A library opened when first needed (SDL2 for the window, libcurl for
// `breadbox lib`), with the reason in words when it cannot be.
#include <stddef.h>

/// Opens `file` (RTLD_NOW | RTLD_LOCAL) and looks up `count` symbols, storing
/// their addresses in `addresses` in the order of `names`. Returns 1 when all
/// were found; otherwise 0 with why in `failure` (`what` names the library in
/// the message, e.g. "SDL2").
int breadbox_open_library(const char *file, const char *what, const char *const *names,
                          void **addresses, size_t count, char *failure, size_t failure_size);
