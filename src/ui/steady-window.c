/* steady-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "steady-bench-hook.h"
#include "steady-window.h"

struct _SteadyWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (SteadyWindow, steady_window, ADW_TYPE_APPLICATION_WINDOW)

static void
steady_window_class_init (SteadyWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-window.ui");
}

static void
steady_window_init (SteadyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  steady_bench_hook_attach (GTK_WINDOW (self));
}

SteadyWindow *
steady_window_new (SteadyApplication *application)
{
  return g_object_new (STEADY_TYPE_WINDOW, "application", application, NULL);
}
