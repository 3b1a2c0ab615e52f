/* steady-size-class.h: the style step a window's size calls for
 *
 * Steady's sizes come in three steps (style.css): compact windows,
 * ordinary ones, and large ones — a full-screen 1080p screen whose text is
 * read from two metres. Like AdwClamp's size classes, the step follows the
 * window's allocation and takes effect from the next frame. The desktop
 * window and the kiosk share the rule, so a kiosk on a smaller screen
 * (1280×720) gets sizes that fit it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEADY_SIZE_LARGE_MIN_WIDTH   1600
#define STEADY_SIZE_LARGE_MIN_HEIGHT  900
#define STEADY_SIZE_COMPACT_MAX_WIDTH 700

/* "steady-large", "steady-compact" or NULL (ordinary) for a window of
 * @width × @height. */
const char *steady_size_class_for   (int          width,
                                     int          height);
/* Puts @window's size class for @width × @height in place of *@current
 * (a static string from steady_size_class_for(), or NULL). */
void        steady_size_class_apply (GtkWidget   *window,
                                     const char **current,
                                     int          width,
                                     int          height);

G_END_DECLS
