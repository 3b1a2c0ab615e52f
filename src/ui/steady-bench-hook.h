/* steady-bench-hook.h: lets build-aux/dev bench time the first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steady_bench_hook_attach (GtkWindow *window);

G_END_DECLS
