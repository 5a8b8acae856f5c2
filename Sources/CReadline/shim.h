#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 refuses to read or assign readline's mutable C globals directly ("not
// concurrency-safe"). These one-line accessors are the only way the rnnsh module touches them;
// they are called from the main thread only (readline itself is single-threaded).

static inline void rnnsh_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void rnnsh_rl_set_catch_signals(int on) { rl_catch_signals = on; }
static inline void rnnsh_rl_set_signal_event_hook(rl_hook_func_t *hook) { rl_signal_event_hook = hook; }
static inline void rnnsh_rl_set_attempted_completion_function(rl_completion_func_t *f) {
    rl_attempted_completion_function = f;
}
static inline void rnnsh_rl_set_completer_word_break_characters(const char *chars) {
    rl_completer_word_break_characters = chars;
}
static inline void rnnsh_rl_set_completer_quote_characters(const char *chars) {
    rl_completer_quote_characters = chars;
}
static inline void rnnsh_rl_set_attempted_completion_over(int on) { rl_attempted_completion_over = on; }
static inline void rnnsh_rl_set_completion_suppress_append(int on) { rl_completion_suppress_append = on; }
static inline void rnnsh_rl_set_completion_suppress_quote(int on) { rl_completion_suppress_quote = on; }
static inline void rnnsh_rl_set_filename_completion_desired(int on) { rl_filename_completion_desired = on; }
static inline void rnnsh_rl_set_filename_quoting_desired(int on) { rl_filename_quoting_desired = on; }
static inline const char *rnnsh_rl_line_buffer(void) { return rl_line_buffer; }
static inline int rnnsh_rl_point(void) { return rl_point; }
/// The most recent history entry's text, or NULL when the history is empty.
static inline const char *rnnsh_history_last_line(void) {
    HIST_ENTRY *entry = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    return entry ? entry->line : NULL;
}
/// How many entries the history list holds.
static inline int rnnsh_history_count(void) { return history_length; }
/// The text of entry `i` (0 = oldest), or NULL.
static inline const char *rnnsh_history_line(int i) {
    HIST_ENTRY *entry = history_get(history_base + i);
    return entry ? entry->line : NULL;
}
/// Runs `hook` each time readline starts reading a line (the REPL inserts a block's indentation).
static inline void rnnsh_rl_set_startup_hook(rl_hook_func_t *hook) { rl_startup_hook = hook; }
