// libcurl opened with dlopen on the first fetch (see CCurl.h).
#include "CCurl.h"
#include <curl/curl.h>
#include "CDynamicLibrary.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static CURLcode (*global_init)(long flags);
static CURL *(*easy_init)(void);
static CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
static CURLcode (*easy_perform)(CURL *curl);
static CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
static void (*easy_cleanup)(CURL *curl);
static const char *(*easy_strerror)(CURLcode code);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char failure[512];

static void load(void) {
    static const char *const names[] = {"curl_global_init", "curl_easy_init", "curl_easy_setopt", "curl_easy_perform",
                                        "curl_easy_getinfo", "curl_easy_cleanup", "curl_easy_strerror"};
    void *addresses[7];
    if (!breadbox_open_library("libcurl.so.4", "libcurl", names, addresses, 7, failure, sizeof failure)) return;
    global_init = (CURLcode (*)(long))addresses[0];
    easy_init = (CURL *(*)(void))addresses[1];
    easy_setopt = (CURLcode (*)(CURL *, CURLoption, ...))addresses[2];
    easy_perform = (CURLcode (*)(CURL *))addresses[3];
    easy_getinfo = (CURLcode (*)(CURL *, CURLINFO, ...))addresses[4];
    easy_cleanup = (void (*)(CURL *))addresses[5];
    easy_strerror = (const char *(*)(CURLcode))addresses[6];
    CURLcode code = global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK) {
        snprintf(failure, sizeof failure, "libcurl: %s", easy_strerror(code));
        return;
    }
    loaded = 1;
}

struct buffer {
    unsigned char *bytes;
    size_t length, capacity;
    int out_of_memory;
};

static size_t collect(char *data, size_t size, size_t count, void *context) {
    struct buffer *b = context;
    size_t n = size * count;
    if (b->length + n > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 16384;
        while (capacity < b->length + n) capacity *= 2;
        unsigned char *grown = realloc(b->bytes, capacity);
        if (!grown) {
            b->out_of_memory = 1;
            return 0;  // libcurl stops with CURLE_WRITE_ERROR
        }
        b->bytes = grown;
        b->capacity = capacity;
    }
    memcpy(b->bytes + b->length, data, n);
    b->length += n;
    return n;
}

int breadbox_http_get(const char *url, long timeout_seconds, long *status,
                      unsigned char **body, size_t *length, char *error, size_t error_size) {
    pthread_once(&once, load);
    if (!loaded) {
        snprintf(error, error_size, "%s", failure);
        return -1;
    }
    CURL *curl = easy_init();
    if (!curl) {
        snprintf(error, error_size, "libcurl: cannot start a transfer");
        return -1;
    }
    struct buffer b = {0};
    char message[CURL_ERROR_SIZE] = {0};
    easy_setopt(curl, CURLOPT_URL, url);
    easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds);
    easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    easy_setopt(curl, CURLOPT_USERAGENT, "breadbox");
    easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    easy_setopt(curl, CURLOPT_WRITEDATA, &b);
    easy_setopt(curl, CURLOPT_ERRORBUFFER, message);
    CURLcode code = easy_perform(curl);
    if (code != CURLE_OK) {
        snprintf(error, error_size, "%s", b.out_of_memory ? "out of memory" : message[0] ? message : easy_strerror(code));
        easy_cleanup(curl);
        free(b.bytes);
        return -1;
    }
    easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
    easy_cleanup(curl);
    *body = b.bytes;
    *length = b.length;
    return 0;
}
