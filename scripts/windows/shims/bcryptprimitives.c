/* Wine 8.0 lacks bcryptprimitives.dll!ProcessPrng, which Rust's std imports
 * (pydantic_core, cryptography's _rust.pyd).  Implemented over RtlGenRandom.
 * Built by scripts/windows/lane.sh for the Wine prefix only; never part of the product. */
#include <windows.h>
#include <ntsecapi.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE p, SIZE_T n) {
    while (n) {
        ULONG k = n > 0x40000000 ? 0x40000000 : (ULONG)n;
        if (!RtlGenRandom(p, k)) return FALSE;
        p += k; n -= k;
    }
    return TRUE;
}
