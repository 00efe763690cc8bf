#ifndef ASSAY_CPCRE2_SHIM_H
#define ASSAY_CPCRE2_SHIM_H
// PCRE2_CODE_UNIT_WIDTH must be defined here: a cSettings define does not reach Swift importers.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
