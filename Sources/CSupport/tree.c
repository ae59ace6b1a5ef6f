#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "CSupport.h"

/* Empties the directory open as `fd` (closed on return), never following links:
   names are resolved relative to their directory, so no path is walked twice. */
static int empty_directory(int fd, int depth) {
    DIR *dir = fdopendir(fd);
    if (dir == NULL) { close(fd); return -1; }
    int result = 0;
    /* Whether readdir still returns every entry while entries are unlinked is not
       promised everywhere: passes go on while one removes something. */
    for (int removed = 1; removed; ) {
        removed = 0;
        result = 0;
        rewinddir(dir);
        struct dirent *entry;
        while ((entry = readdir(dir)) != NULL) {
            const char *name = entry->d_name;
            if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
            if (entry->d_type != DT_DIR && unlinkat(fd, name, 0) == 0) { removed = 1; continue; }
            if (entry->d_type != DT_DIR && entry->d_type != DT_UNKNOWN && errno != EISDIR) { result = -1; continue; }
            if (depth >= 64) { result = -1; continue; }
            int child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child < 0) { result = -1; continue; }
            if (empty_directory(child, depth + 1) != 0) result = -1;
            if (unlinkat(fd, name, AT_REMOVEDIR) == 0) removed = 1; else result = -1;
        }
    }
    closedir(dir);
    return result;
}

int mq_remove_tree(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return unlink(path);
    int result = empty_directory(fd, 0);
    if (rmdir(path) != 0) result = -1;
    return result;
}

#include <malloc.h>

void mq_release_free_memory(void) {
    malloc_trim(0);
}
