#ifndef CSUPPORT_H
#define CSUPPORT_H

#include <stddef.h>

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

/// Adds to the SQLite connection `db` (a `sqlite3 *`) the SQL functions of the input
/// contract's checks: contract_date(x) is 1 when x is a text 'YYYY-MM-DD' naming a day
/// that exists, contract_timestamp(x) when it is 'YYYY-MM-DDTHH:MM:SS' with such a day
/// and a time of day; both are 0 otherwise (other types included). What
/// date(julianday(x)) and strftime('%Y-%m-%dT%H:%M:%S', julianday(x)) give back
/// unchanged (but for SQLite's slip on 0300-02-29), without computing a Julian day.
/// contract_text(x) is 0 for NULL, a number or a text of well-formed UTF-8 without a NUL
/// byte, 1 for a BLOB, 2 for any other text. Returns 0, or -1 when SQLite refused.
int mq_register_contract_functions(void *db);

/// Turns off SQLite's memory statistics, which take one process-wide mutex around
/// every allocation of every connection: the build's readers and the catalogue
/// index's builders, each on its own thread, then wait for one another. Effective
/// only before SQLite is first initialized (the first connection opened); returns
/// 0 then, or SQLite's error code (SQLITE_MISUSE) after.
int mq_sqlite_without_memory_statistics(void);

/// The most bytes mq_gzip can write for `length` bytes of input.
size_t mq_gzip_bound(size_t length);

/// Compresses `length` bytes at `in` into a gzip file (RFC 1952) with libdeflate at its
/// level 6: on a build's pages, files as small as zlib's at its default level, in about a
/// third of its time. The header is fixed (no name, modification time 0), so the same bytes
/// always give the same file. Returns the size written into `out` (`capacity` bytes, at
/// least mq_gzip_bound(length)), or 0 on failure. Thread-safe: each thread compresses with
/// a compressor of its own, kept for its next file.
size_t mq_gzip(const unsigned char *in, size_t length, unsigned char *out, size_t capacity);

#endif
