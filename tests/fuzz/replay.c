/* replay.c: runs saved fuzzer inputs through the fuzz target
 *
 * Every file in the corpus and every crash the fuzzer ever found is kept
 * in tests/fuzz/ and replayed by the ordinary test suite, built with gcc,
 * so a regression shows up without clang or libFuzzer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz.h"

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = 0;

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_autofree char *corpus = g_path_get_basename (argv[i]);

      if (dir == NULL)
        continue;
      /* Dot files (.gitkeep) keep an empty folder in git; not inputs. */
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

      for (guint j = 0; j < names->len; j++)
        {
          const char *file = g_ptr_array_index (names, j);
          char *path = g_build_filename (argv[i], file, NULL);
          g_autofree char *test = g_strdup_printf ("/fuzz/replay/%s/%s", corpus, file);

          g_test_add_data_func_full (test, path, replay_file, g_free);
          n_files++;
        }
    }

  /* An empty corpus would make this test pass by asserting nothing. */
  g_assert_cmpuint (n_files, >, 0);

  return g_test_run ();
}
