/// What executing a statement produces, in order. The front end (REPL, pipe mode, transcript
/// replay, `-c`) decides where each goes: text to stdout, errors to stderr or inline.
public enum Output: Equatable, Sendable {
    /// Already formatted text, without a trailing newline (it may contain newlines).
    case text(String)
    /// A statement failed; nothing it would have assigned was kept.
    case error(ShellError)
    /// A transient status line (e.g. training progress) that replaces the previous one on a TTY
    /// and is dropped everywhere else (pipes, transcripts), so it never leaves `\r` noise.
    case progress(String)
    /// A warning as Python's warnings module writes it (`FILE:LINE: RuntimeWarning: …` and the
    /// source line), without the final newline: stderr, never part of stdout or a transcript.
    case warning(String)
}
