/* tool-test.h: running steady-tool from a test, and scratch directories
 *
 * Shared by the tests that run steady-tool as a process (test-tool-*.c).
 * The tool is the one $STEADY_TOOL names (tests/meson.build sets it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   tool_test_run        (const char * const  *args,
                            char               **out,
                            char               **err);
int   tool_test_run_va     (char               **out,
                            char               **err,
                            const char          *first,
                            ...) G_GNUC_NULL_TERMINATED;

char *tool_test_make_dir   (const char          *tmpl);
void  tool_test_remove_dir (const char          *dir);

G_END_DECLS
