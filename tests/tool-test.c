/* tool-test.c: running steady-tool from a test, and scratch directories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tool-test.h"

#include <stdarg.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

/* Runs steady-tool with the NULL-terminated @args; returns its exit status,
 * with its output in *@out and *@err. An output whose pointer is NULL is
 * thrown away. The tool must exit (not die of a signal). */
int
tool_test_run (const char * const  *args,
               char               **out,
               char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *tool = g_getenv ("STEADY_TOOL");
  GSpawnFlags flags = G_SPAWN_DEFAULT;
  int status = -1;

  g_assert_nonnull (tool);
  g_ptr_array_add (argv, (char *) tool);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (out == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  if (err == NULL)
    flags |= G_SPAWN_STDERR_TO_DEV_NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, flags,
                               NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

/* tool_test_run() with the arguments listed, ending with NULL. */
int
tool_test_run_va (char       **out,
                  char       **err,
                  const char  *first,
                  ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return tool_test_run ((const char * const *) args->pdata, out, err);
}

/* A new empty directory under the temporary directory, named after @tmpl
 * (which ends in XXXXXX). */
char *
tool_test_make_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Removes @dir and what is directly in it (files, empty directories). */
void
tool_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}
