// Typed wrappers for libcurl's variadic calls, which Swift cannot call directly.
#ifndef SEEKGPU_CCURL_SHIM_H
#define SEEKGPU_CCURL_SHIM_H
#include <curl/curl.h>

static inline CURLcode seekgpu_curl_setopt_long(CURL *_Nonnull h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode seekgpu_curl_setopt_string(CURL *_Nonnull h, CURLoption o, const char *_Nullable v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode seekgpu_curl_setopt_pointer(CURL *_Nonnull h, CURLoption o, void *_Nullable v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode seekgpu_curl_getinfo_long(CURL *_Nonnull h, CURLINFO i, long *_Nonnull v) { return curl_easy_getinfo(h, i, v); }

// For the *_LARGE options (CURLOPT_MAXFILESIZE_LARGE, …), which take a curl_off_t.
static inline CURLcode seekgpu_curl_setopt_off_t(CURL *_Nonnull h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }

// A write or header callback (CURLOPT_WRITEFUNCTION, CURLOPT_HEADERFUNCTION): `size * count` bytes at `data`;
// return the number of bytes taken, anything else aborts the transfer with CURLE_WRITE_ERROR.
typedef size_t (*seekgpu_curl_data_callback)(char *_Nullable data, size_t size, size_t count, void *_Nullable userdata);
static inline CURLcode seekgpu_curl_setopt_data_callback(CURL *_Nonnull h, CURLoption o, seekgpu_curl_data_callback _Nullable cb) { return curl_easy_setopt(h, o, cb); }

// String results (CURLINFO_EFFECTIVE_URL, …): the string is owned by the handle and valid until the next request or cleanup.
static inline CURLcode seekgpu_curl_getinfo_string(CURL *_Nonnull h, CURLINFO i, const char *_Nullable *_Nonnull v) { return curl_easy_getinfo(h, i, v); }

// A read callback (CURLOPT_READFUNCTION), e.g. for an SMTP upload: fill at most `size * count` bytes at `buffer` and
// return how many were written; 0 ends the upload, CURL_READFUNC_ABORT aborts it.
typedef size_t (*seekgpu_curl_read_callback)(char *_Nonnull buffer, size_t size, size_t count, void *_Nullable userdata);
static inline CURLcode seekgpu_curl_setopt_read_callback(CURL *_Nonnull h, CURLoption o, seekgpu_curl_read_callback _Nullable cb) { return curl_easy_setopt(h, o, cb); }

// CURL_READFUNC_ABORT is a cast macro Swift does not import.
static inline size_t seekgpu_curl_readfunc_abort(void) { return CURL_READFUNC_ABORT; }
#endif
