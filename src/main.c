/* main.c: the Steady desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "steady-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SteadyApplication) app = NULL;

  /* STEADY_LOCALEDIR: the translations of an uninstalled build (build-aux/dev
   * and the tests point it at build/po). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STEADY_LOCALEDIR") != NULL ? g_getenv ("STEADY_LOCALEDIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = steady_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
