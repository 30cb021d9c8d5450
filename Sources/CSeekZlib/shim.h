// zlib, for gzip output of the export pipelines.
#ifndef SEEKGPU_CZLIB_SHIM_H
#define SEEKGPU_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit2 is a macro over deflateInit2_; this typed wrapper makes it callable from Swift.
static inline int seekgpu_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

/// inflateInit2 for gzip input (used by tests to read gzip output back).
static inline int seekgpu_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
