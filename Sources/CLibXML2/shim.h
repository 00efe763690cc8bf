#ifndef ASSAY_CLIBXML2_SHIM_H
#define ASSAY_CLIBXML2_SHIM_H
// Debian's libxml2 pulls in system ICU headers, which clash with Foundation's own ICU in one Swift
// module ("'UErrorCode' has different definitions"). Switch ICU off before any other libxml2 header.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <string.h>

// xmlFree is a global function-pointer variable; touching it from Swift 6 is a hard error.
static inline void assay_xml_free(void *pointer) { xmlFree(pointer); }

// MARK: - Parser options (enums are combined here, not in Swift)

/// Options for feed parsing: never touch the network, recover from malformed markup, report
/// through the structured handler only. Deliberately absent: NOENT, DTDLOAD, DTDATTR, HUGE.
static inline int assay_feed_parse_options(void) {
    return XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
}

/// Options for HTML fragments (product descriptions): the encoding is forced to UTF-8, so a
/// `<meta charset>` inside a description cannot switch it.
static inline int assay_html_parse_options(void) {
    return HTML_PARSE_NONET | HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
        | HTML_PARSE_IGNORE_ENC;
}

// MARK: - Per-thread error handlers

static inline void assay_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/// The calling thread's libxml2 error handlers, saved so they can be put back.
typedef struct {
    xmlStructuredErrorFunc structured;
    void *structuredContext;
    xmlGenericErrorFunc generic;
    void *genericContext;
} assay_error_handlers;

/// Routes every libxml2 error raised on this thread to `handler` (and nothing to stderr);
/// returns the previous handlers for `assay_restore_error_handlers`.
static inline assay_error_handlers assay_install_error_handlers(void *context,
                                                                xmlStructuredErrorFunc handler) {
    assay_error_handlers saved = {
        xmlStructuredError, xmlStructuredErrorContext, xmlGenericError, xmlGenericErrorContext
    };
    xmlSetGenericErrorFunc(NULL, assay_ignore_generic_error);
    xmlSetStructuredErrorFunc(context, handler);
    return saved;
}

static inline void assay_restore_error_handlers(assay_error_handlers saved) {
    xmlSetStructuredErrorFunc(saved.structuredContext, saved.structured);
    xmlSetGenericErrorFunc(saved.genericContext, saved.generic);
}

static inline int assay_error_is_warning(const xmlError *error) {
    return error->level == XML_ERR_WARNING || error->level == XML_ERR_NONE;
}

// MARK: - SAX push parsing

/// A zeroed SAX2 handler (callbacks are filled in from Swift).
static inline void assay_sax2_handler_init(xmlSAXHandler *sax) {
    memset(sax, 0, sizeof(*sax));
    sax->initialized = XML_SAX2_MAGIC;
}

/// The line of the `<` that opened the tag being reported by a startElementNs callback.
/// libxml2's own element line is the line the parser stood on after the tag (and is capped at
/// 65,535 in tree nodes); this walks back over the tag's bytes, still in the input buffer.
static inline int assay_ctxt_tag_start_line(xmlParserCtxtPtr ctxt) {
    xmlParserInputPtr input = ctxt->input;
    if (input == NULL) return 0;
    int line = input->line;
    const xmlChar *cursor = input->cur;
    if (cursor == NULL || input->base == NULL) return line;
    while (cursor > input->base) {
        cursor--;
        if (*cursor == '<') break;
        if (*cursor == '\n') line--;
        else if (*cursor == '\r' && cursor[1] != '\n') line--;
    }
    return line;
}

/// The line the parser currently stands on.
static inline int assay_ctxt_line(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->line : 0;
}

/// After an invalid UTF-8 byte libxml2 2.9 silently decodes the rest of a UTF-8 document as
/// Latin-1 (mojibake for every later CJK character). Put it back on UTF-8 once the error has
/// been reported. Documents converted by an encoder are never touched.
static inline void assay_ctxt_restore_utf8(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL || ctxt->charset != XML_CHAR_ENCODING_8859_1) return;
    if (ctxt->input != NULL && ctxt->input->buf != NULL && ctxt->input->buf->encoder != NULL) return;
    ctxt->charset = XML_CHAR_ENCODING_UTF8;
}

/// Reads up to `length` bytes through the input buffer's own callback (file, stdin or gzip).
static inline int assay_input_read(xmlParserInputBufferPtr input, char *buffer, int length) {
    if (input == NULL || input->readcallback == NULL) return -1;
    return input->readcallback(input->context, buffer, length);
}

// MARK: - HTML SAX parsing

/// Parses `size` bytes of UTF-8 HTML, reporting to `sax` with `user_data`, and builds no tree
/// (so no 256-level depth limit from tree building, and nothing to free but the context).
/// Returns 0, or -1 if no parser could be created.
static inline int assay_html_sax_parse(const char *buffer, int size, const htmlSAXHandler *sax,
                                       void *user_data) {
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return -1;
    if (ctxt->sax == NULL) {
        htmlFreeParserCtxt(ctxt);
        return -1;
    }
    memcpy(ctxt->sax, sax, sizeof(htmlSAXHandler));
    ctxt->userData = user_data;
    xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
    if (utf8 != NULL && ctxt->input != NULL) {
        xmlSwitchToEncoding(ctxt, utf8);
        if (ctxt->input->encoding != NULL) xmlFree((xmlChar *)ctxt->input->encoding);
        ctxt->input->encoding = xmlStrdup(BAD_CAST "UTF-8");
    }
    htmlCtxtUseOptions(ctxt, assay_html_parse_options());
    htmlParseDocument(ctxt);
    if (ctxt->myDoc != NULL) {
        xmlFreeDoc(ctxt->myDoc);
        ctxt->myDoc = NULL;
    }
    htmlFreeParserCtxt(ctxt);
    return 0;
}

// Frees a parser context and the compatibility document libxml2 builds for entity declarations when the
// SAX handler has no callbacks for them (xmlFreeParserCtxt does not free ctxt->myDoc).
static inline void assay_xml_free_parser(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL) return;
    if (ctxt->myDoc != NULL) {
        xmlFreeDoc(ctxt->myDoc);
        ctxt->myDoc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
}
#endif
