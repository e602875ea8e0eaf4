// One blocking HTTP(S) GET with libcurl (Debian's libcurl4-openssl-dev for
// the header), the library loaded on first use: `breadbox lib` fetches the
// micropython-lib index with it, and no other command should pay for loading
// libcurl and the twenty libraries it needs at start-up.
#include <stddef.h>

/// Fetches `url`, following redirects, within `timeout_seconds`. On success
/// returns 0, with the HTTP status in `status` and the body in `body` (malloc'd,
/// `length` bytes; the caller frees it). Otherwise returns -1 with a message in
/// `error` (libcurl's, or why libcurl could not be loaded).
int breadbox_http_get(const char *url, long timeout_seconds, long *status,
                      unsigned char **body, size_t *length, char *error, size_t error_size);
