// cairo (with its PDF surface) and pango through pangocairo: everything the
// summary PDF renderer calls. Only MediathequePDF imports this module, and only
// two files of it (TextEngine.swift, PDFCanvas.swift) touch its pointers.
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
