#define _GNU_SOURCE
#include <elf.h>
#include <link.h>
#include <string.h>
#include "CSupport.h"

struct build_id { unsigned char *out; int capacity; int length; };

/* The main program comes first; its notes are mapped, so nothing is read from disk. */
static int find_build_id(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct build_id *id = data;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[i];
        if (header->p_type != PT_NOTE) continue;
        const char *note = (const char *)(info->dlpi_addr + header->p_vaddr);
        const char *end = note + header->p_memsz;
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *n = (const ElfW(Nhdr) *)note;
            const char *name = note + sizeof(ElfW(Nhdr));
            const char *desc = name + ((n->n_namesz + 3) & ~3u);
            if (desc + n->n_descsz > end) break;
            if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && memcmp(name, "GNU", 4) == 0
                && (int)n->n_descsz <= id->capacity) {
                memcpy(id->out, desc, n->n_descsz);
                id->length = (int)n->n_descsz;
                return 1;
            }
            note = desc + ((n->n_descsz + 3) & ~3u);
        }
    }
    return 1; /* only the main program */
}

int mq_build_id(unsigned char *out, int capacity) {
    struct build_id id = { out, capacity, 0 };
    dl_iterate_phdr(find_build_id, &id);
    return id.length;
}
