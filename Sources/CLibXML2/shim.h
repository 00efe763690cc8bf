#ifndef ASSAY_CLIBXML2_SHIM_H
#define ASSAY_CLIBXML2_SHIM_H
// Debian's libxml2 pulls in system ICU headers, which clash with Foundation's own ICU in one Swift
// module ("'UErrorCode' has different definitions"). Switch ICU off before any other libxml2 header.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function-pointer variable; touching it from Swift 6 is a hard error.
static inline void assay_xml_free(void *pointer) { xmlFree(pointer); }
#endif
