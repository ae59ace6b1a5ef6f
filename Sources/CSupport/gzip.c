#include <libdeflate.h>
#include <pthread.h>
#include "CSupport.h"

// A compressor is some hundreds of kilobytes of tables: each thread keeps its own for
// all its files, and frees it when it ends.
static pthread_key_t compressor_key;
static pthread_once_t compressor_once = PTHREAD_ONCE_INIT;
static int has_key = 0;

static void free_compressor(void *compressor) { libdeflate_free_compressor(compressor); }
static void make_key(void) { has_key = pthread_key_create(&compressor_key, free_compressor) == 0; }

static struct libdeflate_compressor *thread_compressor(void) {
    if (pthread_once(&compressor_once, make_key) != 0 || !has_key) return NULL;
    struct libdeflate_compressor *compressor = pthread_getspecific(compressor_key);
    if (compressor != NULL) return compressor;
    if ((compressor = libdeflate_alloc_compressor(6)) == NULL) return NULL;
    if (pthread_setspecific(compressor_key, compressor) != 0) {
        libdeflate_free_compressor(compressor);
        return NULL;
    }
    return compressor;
}

size_t mq_gzip_bound(size_t length) {
    struct libdeflate_compressor *compressor = thread_compressor();
    return compressor == NULL ? 0 : libdeflate_gzip_compress_bound(compressor, length);
}

size_t mq_gzip(const unsigned char *in, size_t length, unsigned char *out, size_t capacity) {
    struct libdeflate_compressor *compressor = thread_compressor();
    return compressor == NULL ? 0 : libdeflate_gzip_compress(compressor, in, length, out, capacity);
}
