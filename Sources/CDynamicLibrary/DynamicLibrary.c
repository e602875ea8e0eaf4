#include "CDynamicLibrary.h"
#include <dlfcn.h>
#include <stdio.h>

int breadbox_open_library(const char *file, const char *what, const char *const *names,
                          void **addresses, size_t count, char *failure, size_t failure_size) {
    void *library = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        snprintf(failure, failure_size, "cannot load %s: %s", what, why ? why : file);
        return 0;
    }
    for (size_t i = 0; i < count; i++) {
        addresses[i] = dlsym(library, names[i]);
        if (!addresses[i]) {
            snprintf(failure, failure_size, "%s has no %s", file, names[i]);
            return 0;
        }
    }
    return 1;
}
