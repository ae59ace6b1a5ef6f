#ifndef CSUPPORT_H
#define CSUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL or ENOSYS where
/// the file system or kernel cannot exchange).
int mq_exchange_paths(const char *a, const char *b);

/// Removes `path` and everything below it, never following symbolic links.
/// Returns 0 when all is gone, -1 (errno of the last failure) otherwise.
int mq_remove_tree(const char *path);

/// Whether each of the '|'-separated relative paths in `files` (at most one subfolder
/// deep) is a regular file below the directory `folder`, with no symbolic link on the
/// way, the folder itself included: 1 if so, 0 otherwise.
int mq_folder_holds(const char *folder, const char *files);

/// Returns the heap's free pages to the system (glibc's malloc_trim), so that
/// memory a finished stage freed does not stay resident.
void mq_release_free_memory(void);

/// Copies the GNU build ids (what the linker derived from their code) of the
/// running program and every library it loaded into `out`, each after its
/// length (or a zero length and the object's name when it has none); returns
/// the bytes written (it stops early rather than pass `capacity`).
int mq_build_ids(unsigned char *out, int capacity);

#endif
