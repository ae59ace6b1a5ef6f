// libxml2's headers pull in ICU when it is enabled, and ICU's module clashes
// with Foundation's own copy: include the version header, switch ICU off, then
// include only what the feed reader needs.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
