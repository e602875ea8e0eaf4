// What Swift's Glibc module leaves out of the C library.
#include <malloc.h>  // mallopt: glibc's allocator tuning
#include <stdio.h>

// printf's "%.*<conversion>" of one double into `buffer`. C's variadic
// functions cannot be called from Swift directly, and withVaList boxes each
// argument as an existential (dynamic casts on every number formatted).
static inline int breadbox_format_double(char *buffer, size_t size, int precision, char conversion, double value) {
    char format[5] = {'%', '.', '*', conversion, 0};
    return snprintf(buffer, size, format, precision, value);
}
