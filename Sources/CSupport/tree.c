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

/* The entries of a directory, read once: a folder's files are then found by name and
   type (readdir's d_type) rather than each looked up and stat'ed on its own. */
struct listing {
    int fd;
    int count;
    char names[64][256];
    unsigned char types[64];
};

/* Reads the directory `name` of `parent` (a link is refused); 0 when it cannot be read
   whole (more entries than a patron folder has: the caller then says "not held"). */
static int list_directory(int parent, const char *name, struct listing *out) {
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return 0;
    out->fd = fd;
    out->count = 0;
    char buffer[8192];
    for (;;) {
        ssize_t size = getdents64(fd, buffer, sizeof buffer);
        if (size == 0) return 1;
        if (size < 0) break;
        for (ssize_t at = 0; at < size; ) {
            struct dirent64 *entry = (struct dirent64 *)(buffer + at);
            at += entry->d_reclen;
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
            if (out->count == 64 || strlen(entry->d_name) >= 256) goto refused;
            strcpy(out->names[out->count], entry->d_name);
            out->types[out->count] = entry->d_type;
            out->count++;
        }
    }
refused:
    close(fd);
    return 0;
}

/* Whether `listing` has `name` of `type` (DT_REG or DT_DIR), never following a link;
   a file system that does not give types is asked with fstatat. */
static int listed(const struct listing *listing, const char *name, unsigned char type) {
    for (int i = 0; i < listing->count; i++) {
        if (strcmp(listing->names[i], name) != 0) continue;
        if (listing->types[i] != DT_UNKNOWN) return listing->types[i] == type;
        struct stat info;
        if (fstatat(listing->fd, name, &info, AT_SYMLINK_NOFOLLOW) != 0) return 0;
        return type == DT_DIR ? S_ISDIR(info.st_mode) : S_ISREG(info.st_mode);
    }
    return 0;
}

/* Whether each of the '|'-separated relative paths in `files` is a regular file below the
   directory `folder`, with no symbolic link on the way (the folder itself included).
   Paths of one subfolder come together (the list is sorted), so each subfolder is read once. */
int mq_folder_holds(const char *folder, const char *files) {
    static __thread struct listing root, sub;
    if (!list_directory(AT_FDCWD, folder, &root)) return 0;
    int result = 1;
    int hasSub = 0;
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
        char *slash = strchr(name, '/');
        if (slash == NULL) {
            result = listed(&root, name, DT_REG);
            continue;
        }
        *slash = '\0';
        const char *leaf = slash + 1;
        /* One level of subfolders is all a patron folder has. */
        if (strchr(leaf, '/') || strlen(name) >= sizeof subName) { result = 0; break; }
        if (!hasSub || strcmp(subName, name) != 0) {
            if (hasSub) close(sub.fd);
            hasSub = listed(&root, name, DT_DIR) && list_directory(root.fd, name, &sub);
            if (!hasSub) { result = 0; break; }
            strcpy(subName, name);
        }
        result = listed(&sub, leaf, DT_REG);
    }
    if (hasSub) close(sub.fd);
    close(root.fd);
    return result;
}
