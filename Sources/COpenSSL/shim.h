// OpenSSL from Debian's libssl-dev: the TLS the boards' sockets speak to real
// servers (the boards' own mbedTLS is not emulated; its behaviour is).
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>

// Macros Swift cannot import, as functions.
static inline long breadbox_ssl_set_sni(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}
// Only TLS 1.2: the version MicroPython's mbedTLS configuration speaks.
static inline void breadbox_ssl_ctx_tls12_only(SSL_CTX *ctx) {
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
}
