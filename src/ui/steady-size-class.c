/* steady-size-class.c: the style step a window's size calls for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "steady-size-class.h"

const char *
steady_size_class_for (int width,
                       int height)
{
  if (width >= STEADY_SIZE_LARGE_MIN_WIDTH && height >= STEADY_SIZE_LARGE_MIN_HEIGHT)
    return "steady-large";
  if (width <= STEADY_SIZE_COMPACT_MAX_WIDTH)
    return "steady-compact";
  return NULL;
}

void
steady_size_class_apply (GtkWidget   *window,
                         const char **current,
                         int          width,
                         int          height)
{
  const char *size_class = steady_size_class_for (width, height);

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (current != NULL);

  if (size_class == *current)
    return;
  if (*current != NULL)
    gtk_widget_remove_css_class (window, *current);
  if (size_class != NULL)
    gtk_widget_add_css_class (window, size_class);
  *current = size_class;
}
