/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the fuzz targets: each defines LLVMFuzzerTestOneInput, linked either with libFuzzer
 * (-Dfuzzing=true, clang) or with fuzz-replay.c, which feeds it a corpus as a regression test. */

#include <gio/gio.h>
#include <stddef.h>
#include <stdint.h>

#include "qa-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A scratch session made once per process: the demo data, the Art. 13 check, and the material
 * panel formed, with a package key issued to E03 (so sheets reach the signature check). */
QaSession *fuzz_session (void);
