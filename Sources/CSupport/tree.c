#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
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

/* Whether each of the '|'-separated relative paths in `files` is a regular file below the
   directory `folder`, with no symbolic link on the way (the folder itself included).
   Paths of one subfolder come together (the list is sorted), so each subfolder is opened once. */
int mq_folder_holds(const char *folder, const char *files) {
    int root = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (root < 0) return 0;
    int result = 1;
    int sub = -1;
    char subName[256] = "";
    char name[1024];
    const char *start = files;
    while (result && *start) {
        const char *end = strchr(start, '|');
        size_t length = end ? (size_t)(end - start) : strlen(start);
        if (length == 0 || length >= sizeof name) { result = 0; break; }
        memcpy(name, start, length);
        name[length] = '\0';
        start = end ? end + 1 : start + length;
        int dir = root;
        const char *leaf = name;
        char *slash = strchr(name, '/');
        if (slash) {
            *slash = '\0';
            leaf = slash + 1;
            /* One level of subfolders is all a patron folder has. */
            if (strchr(leaf, '/') || strlen(name) >= sizeof subName) { result = 0; break; }
            if (sub < 0 || strcmp(subName, name) != 0) {
                if (sub >= 0) close(sub);
                sub = openat(root, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (sub < 0) { result = 0; break; }
                strcpy(subName, name);
            }
            dir = sub;
        }
        struct stat info;
        if (fstatat(dir, leaf, &info, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(info.st_mode)) result = 0;
    }
    if (sub >= 0) close(sub);
    close(root);
    return result;
}
