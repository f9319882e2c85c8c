/* Wine 8.0 lacks icuuc.dll, the system ICU that Windows 10 1703+ ships and that
 * Qt6Core.dll imports (20 ucnv_* functions).  Every converter fails to open, so Qt
 * falls back to its built-in codecs.  Built by scripts/windows/lane.sh for the
 * Wine prefix only; never part of the product. */
#include <stddef.h>
#include <stdint.h>
#define X __declspec(dllexport)
#define FAIL if (e) *e = 4 /* U_FILE_ACCESS_ERROR */
typedef int E; typedef uint16_t U;
X void *ucnv_open(const char *n, E *e) { FAIL; return NULL; }
X void ucnv_close(void *c) {}
X void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
X void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
X void ucnv_reset(void *c) {}
X int8_t ucnv_getMaxCharSize(const void *c) { return 4; }
X const char *ucnv_getName(const void *c, E *e) { return ""; }
X void ucnv_getToUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
X void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
X void ucnv_setToUCallBack(void *c, void *n, const void *x, void **o, const void **oc, E *e) { FAIL; }
X void ucnv_setFromUCallBack(void *c, void *n, const void *x, void **o, const void **oc, E *e) { FAIL; }
X void ucnv_cbToUWriteUChars(void *a, const U *s, int32_t l, int32_t o, E *e) { FAIL; }
X void ucnv_cbFromUWriteUChars(void *a, const U **s, const U *l, int32_t o, E *e) { FAIL; }
X void ucnv_toUnicode(void *c, U **t, const U *tl, const char **s, const char *sl, int32_t *o, int8_t f, E *e) { FAIL; }
X void ucnv_fromUnicode(void *c, char **t, const char *tl, const U **s, const U *sl, int32_t *o, int8_t f, E *e) { FAIL; }
X int32_t ucnv_toUCountPending(const void *c, E *e) { return 0; }
X int32_t ucnv_fromUCountPending(const void *c, E *e) { return 0; }
X const char *ucnv_getStandardName(const char *n, const char *s, E *e) { FAIL; return NULL; }
X const char *ucnv_getAvailableName(int32_t n) { return NULL; }
X int32_t ucnv_countAvailable(void) { return 0; }
