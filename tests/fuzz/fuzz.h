/* fuzz.h: the entry points libFuzzer (or tests/fuzz/replay.c) calls
 *
 * Each fuzz-TARGET.c defines LLVMFuzzerTestOneInput(); fuzz-init.c
 * defines LLVMFuzzerInitialize() for all of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);
