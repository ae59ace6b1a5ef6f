#include <zlib.h>
#include "CSupport.h"

size_t mq_gzip_bound(size_t length) {
    return compressBound(length) + 32;  // compressBound is for zlib's 6-byte wrapper, gzip's is 18
}

size_t mq_gzip(const unsigned char *in, size_t length, unsigned char *out, size_t capacity) {
    z_stream stream = {0};
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return 0;
    stream.next_in = (Bytef *)in;
    stream.avail_in = (uInt)length;
    stream.next_out = out;
    stream.avail_out = (uInt)capacity;
    int status = deflate(&stream, Z_FINISH);
    size_t written = capacity - stream.avail_out;
    deflateEnd(&stream);
    return status == Z_STREAM_END ? written : 0;
}
