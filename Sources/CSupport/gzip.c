#include <pthread.h>
#include <stdlib.h>
#include <zlib.h>
#include "CSupport.h"

// zlib's state is some hundreds of kilobytes, made and cleared for each stream: each
// thread keeps one stream for all its files, reset between them (half the time on a
// build's pages, the same bytes), and frees it when it ends.
static pthread_key_t stream_key;
static pthread_once_t stream_once = PTHREAD_ONCE_INIT;

static void free_stream(void *stream) {
    deflateEnd(stream);
    free(stream);
}

static void make_key(void) { pthread_key_create(&stream_key, free_stream); }

static z_stream *thread_stream(void) {
    pthread_once(&stream_once, make_key);
    z_stream *stream = pthread_getspecific(stream_key);
    if (stream != NULL) return deflateReset(stream) == Z_OK ? stream : NULL;
    if ((stream = calloc(1, sizeof *stream)) == NULL) return NULL;
    if (deflateInit2(stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(stream);
        return NULL;
    }
    if (pthread_setspecific(stream_key, stream) != 0) {
        free_stream(stream);
        return NULL;
    }
    return stream;
}

size_t mq_gzip_bound(size_t length) {
    return compressBound(length) + 32;  // compressBound is for zlib's 6-byte wrapper, gzip's is 18
}

size_t mq_gzip(const unsigned char *in, size_t length, unsigned char *out, size_t capacity) {
    z_stream *stream = thread_stream();
    if (stream == NULL) return 0;
    stream->next_in = (Bytef *)in;
    stream->avail_in = (uInt)length;
    stream->next_out = out;
    stream->avail_out = (uInt)capacity;
    int status = deflate(stream, Z_FINISH);
    return status == Z_STREAM_END ? capacity - stream->avail_out : 0;
}
