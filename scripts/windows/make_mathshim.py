"""Wine lane workaround W6: numpy 2.x under Wine 8.0 (never part of the product).

numpy's extension modules import C99 complex functions (``crealf``, ``cexp``, ...)
from ``api-ms-win-crt-math-l1-1-0.dll``; in Wine 8.0's ucrtbase 34 of the 126 that
numpy uses are stubs that abort the process ("Unimplemented function
ucrtbase.dll.crealf" on ``import numpy``).  Real Windows implements them all.

    python make_mathshim.py SITE_PACKAGES OUT_DIR

builds ``OUT_DIR/ucrtmathshim.dll`` (mingw-w64: the stubs implemented with mingw's
libm, every other function forwarded to ucrtbase) and re-points the import tables
of numpy's ``.pyd`` files from the api-set DLL to it (pefile).  Which functions are
stubs is read from Wine's own ucrtbase.dll: a Wine spec stub starts with
``sub rsp,0x28; lea rcx,[dll name]``.  Run it again after every numpy install.
"""

from __future__ import annotations

import glob
import os
import subprocess
import sys

import pefile

WINE_UCRTBASE = "/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/ucrtbase.dll"
APISET, SHIM = b"api-ms-win-crt-math-l1-1-0.dll", b"ucrtmathshim.dll"
STUB_PROLOGUE = "4883ec28488d0d"
REAL = {"cabs", "carg", "cimag", "creal"}
CPLX = {"ccos", "ccosh", "cexp", "csin", "csinh", "ctan", "ctanh", "csqrt", "clog", "cacos", "cacosh",
        "casin", "casinh", "catan", "catanh", "conj", "cproj"}  # fmt: skip
PRELUDE = [
    "#include <complex.h>",
    "typedef struct { float v[2]; } Fc;",
    "typedef struct { double v[2]; } Dc;",
    "static float complex fz(Fc a){ return __builtin_complex(a.v[0], a.v[1]); }",
    "static double complex dz(Dc a){ return __builtin_complex(a.v[0], a.v[1]); }",
    "static Fc fr(float complex z){ Fc r = {{__real__ z, __imag__ z}}; return r; }",
    "static Dc dr(double complex z){ Dc r = {{__real__ z, __imag__ z}}; return r; }",
]


def wine_stubs() -> set[str]:
    pe = pefile.PE(WINE_UCRTBASE)
    image = pe.get_memory_mapped_image()
    return {
        e.name.decode()
        for e in pe.DIRECTORY_ENTRY_EXPORT.symbols
        if e.name and image[e.address : e.address + 7].hex() == STUB_PROLOGUE
    }


def main(site: str, out: str) -> int:
    stubs = wine_stubs()
    pyds = glob.glob(os.path.join(site, "numpy", "**", "*.pyd"), recursive=True)
    names: set[str] = set()
    for path in pyds:
        for imp in pefile.PE(path).DIRECTORY_ENTRY_IMPORT:
            if imp.dll.lower() in (APISET, SHIM):
                names |= {i.name.decode() for i in imp.imports if i.name}
    source, exports = list(PRELUDE), []
    for name in sorted(names):
        if name not in stubs:
            exports.append(f"{name}=ucrtbase.{name}")
            continue
        suffixed = name[-1] in "fl" and name[:-1] in REAL | CPLX | {"cpow"}
        base, kind = (name[:-1], name[-1]) if suffixed else (name, "d")
        T, Z, R, RT, S = ("Fc", "fz", "fr", "float", "f") if kind == "f" else ("Dc", "dz", "dr", "double", "")
        if base in REAL:
            source.append(f"{RT} my_{name}({T} a){{ return {base}{S}({Z}(a)); }}")
        elif base == "cpow":
            source.append(f"{T} my_{name}({T} a, {T} b){{ return {R}(cpow{S}({Z}(a), {Z}(b))); }}")
        elif base in CPLX:
            source.append(f"{T} my_{name}({T} a){{ return {R}({base}{S}({Z}(a))); }}")
        else:
            raise SystemExit(f"make_mathshim: no implementation for the Wine stub {name}")
        exports.append(f"{name}=my_{name}")
    with open(os.path.join(out, "mathshim.c"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(source) + "\n")
    with open(os.path.join(out, "mathshim.def"), "w", encoding="utf-8") as handle:
        handle.write("LIBRARY ucrtmathshim.dll\nEXPORTS\n" + "".join(f"  {e}\n" for e in exports))
    dll = os.path.join(out, "ucrtmathshim.dll")
    subprocess.run(
        ["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-s", "-static-libgcc", "-o", dll,
         os.path.join(out, "mathshim.c"), os.path.join(out, "mathshim.def")],
        check=True,
    )  # fmt: skip
    patched = 0
    for path in pyds:
        pe = pefile.PE(path)
        for imp in pe.DIRECTORY_ENTRY_IMPORT:
            if imp.dll.lower() == APISET:
                offset = pe.get_offset_from_rva(imp.struct.Name)
                pe.set_bytes_at_offset(offset, SHIM + b"\0" * (len(APISET) - len(SHIM)))
                pe.write(path + ".tmp")
                pe.close()
                os.replace(path + ".tmp", path)
                patched += 1
                break
        else:
            pe.close()
    implemented = sum("my_" in e for e in exports)
    print(f"mathshim: {len(names)} math imports, {implemented} implemented here, {patched} .pyd patched")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
