/* asan-options.c: AddressSanitizer options for the widget tests
 *
 * GTK and GStreamer in one process make more than 2048 quarks, and GLib
 * then drops its first quark array on purpose. build-aux/lsan.supp
 * recognises that allocation by the library constructor that made it,
 * which only a full stack shows; GLib has no frame pointers, so the fast
 * unwinder stops at g_malloc. Linked into every widget test; without
 * AddressSanitizer nothing reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
