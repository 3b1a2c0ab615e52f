/* steady-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "steady-application.h"
#include "steady-window.h"

struct _SteadyApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (SteadyApplication, steady_application, ADW_TYPE_APPLICATION)

static void
steady_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (steady_window_new (STEADY_APPLICATION (app)));

  gtk_window_present (window);
}

static void
steady_application_class_init (SteadyApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = steady_application_activate;
}

static void
steady_application_init (SteadyApplication *self)
{
}

SteadyApplication *
steady_application_new (void)
{
  return g_object_new (STEADY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
