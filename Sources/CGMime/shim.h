#include <gmime/gmime.h>

// GMime's casts are macros Swift cannot call: the same casts, as functions.
static inline GMimeObject *mq_gmime_object(void *object) { return (GMimeObject *)object; }
static inline GMimePart *mq_gmime_part(void *object) { return (GMimePart *)object; }
static inline void mq_gmime_unref(void *object) { g_object_unref(object); }
