/* tool-kiosk-pin.c: steady-tool kiosk-pin
 *
 * Reads a staff PIN (twice, without echo, from a terminal; one line from
 * a pipe) and prints its salted hash for the kiosk-staff-pin-hash setting,
 * so the PIN itself is never written anywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "steady-kiosk-pin.h"
#include "steady-tool.h"

/* One line from stdin without its newline; echo off on a terminal. */
static char *
read_pin (const char *prompt)
{
  struct termios old, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char line[256];
  char *result;

  if (tty)
    {
      fprintf (stderr, "%s", prompt);
      fflush (stderr);
      tcgetattr (STDIN_FILENO, &old);
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }

  result = fgets (line, sizeof line, stdin) != NULL ? g_strdup (g_strchomp (line)) : NULL;
  memset (line, 0, sizeof line);

  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &old);
      fprintf (stderr, "\n");
    }

  return result;
}

int
steady_tool_kiosk_pin (int    argc,
                       char **argv)
{
  static const SteadyToolCommand self = { "kiosk-pin", "", N_("Read a staff PIN and print its hash for the kiosk settings"), NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *hash = NULL;

  if (!steady_tool_parse_options (&self, NULL, &argc, &argv))
    return STEADY_TOOL_USAGE;

  if (argc > 1)
    {
      fprintf (stderr, "%s\n", _("steady-tool kiosk-pin: takes no arguments; it reads the PIN from standard input"));
      return STEADY_TOOL_USAGE;
    }

  pin = read_pin (_("Staff PIN (4–12 digits): "));
  if (pin == NULL)
    return steady_tool_fail (_("kiosk-pin: no PIN on standard input"));

  if (isatty (STDIN_FILENO))
    {
      g_autofree char *again = read_pin (_("The same PIN again: "));

      if (again == NULL || strcmp (pin, again) != 0)
        return steady_tool_fail (_("kiosk-pin: the two PINs differ"));
    }

  hash = steady_kiosk_pin_hash (pin, &error);
  if (hash == NULL)
    return steady_tool_fail ("kiosk-pin: %s", error->message);

  printf ("%s\n", hash);
  return STEADY_TOOL_OK;
}
