// cairo (with its PDF surface) and pango through pangocairo: everything the
// summary PDF renderer calls, and fontconfig for the fonts it is given. Only
// MediathequePDF imports this module, and only its Render files touch its pointers.
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>
