/* ui-test.c: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui-test.h"

static gboolean expired;

static gboolean
on_expired (gpointer data)
{
  expired = TRUE;
  return G_SOURCE_REMOVE;
}

guint
ui_test_wait_begin (void)
{
  expired = FALSE;
  return g_timeout_add_seconds (UI_TEST_WAIT_LIMIT_SECONDS, on_expired, NULL);
}

gboolean
ui_test_wait_expired (void)
{
  return expired;
}

void
ui_test_wait_end (guint id)
{
  if (!expired)
    g_source_remove (id);
}
