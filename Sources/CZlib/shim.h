// zlib from Debian's zlib1g-dev: deflate and CRC-32 for PNG screenshots.
#include <zlib.h>
