#define _GNU_SOURCE
#include <elf.h>
#include <link.h>
#include <string.h>
#include "CSupport.h"

struct build_id { unsigned char *out; int capacity; int length; int objects; };

/* Every loaded object (the program first, then its libraries, in load order) in turn;
   the notes are mapped, so nothing is read from disk. An object without a build id
   adds a zero length, and its name. */
static int find_build_id(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct build_id *id = data;
    id->objects += 1;
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
            if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                if (id->length + 1 + (int)n->n_descsz > id->capacity) return 1;
                id->out[id->length++] = (unsigned char)n->n_descsz;
                memcpy(id->out + id->length, desc, n->n_descsz);
                id->length += (int)n->n_descsz;
                return 0;
            }
            note = desc + ((n->n_descsz + 3) & ~3u);
        }
    }
    const char *object = info->dlpi_name ? info->dlpi_name : "";
    int length = (int)strlen(object);
    if (id->length + 1 + length > id->capacity) return 1;
    id->out[id->length++] = 0;
    memcpy(id->out + id->length, object, length);
    id->length += length;
    return 0;
}

int mq_build_ids(unsigned char *out, int capacity) {
    struct build_id id = { out, capacity, 0, 0 };
    dl_iterate_phdr(find_build_id, &id);
    return id.length;
}
