/// Text that came from a file (npz member names, checkpoint strings, dataset class names) is
/// shown on the terminal later. A crafted file could put escape sequences in it — OSC 52
/// writes the clipboard, `ESC[2J` clears the screen — so such text is escaped once, when it is
/// read: C0 and C1 control characters and DEL become `\xNN`, the line and paragraph
/// separators `\u2028`/`\u2029`. Everything else, including non-ASCII letters, is kept.
public enum UntrustedText {
    public static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsEscape) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if u.value == 0x2028 || u.value == 0x2029 {
                out += "\\u" + String(u.value, radix: 16)
            } else if needsEscape(u) {
                out += "\\x" + (u.value < 16 ? "0" : "") + String(u.value, radix: 16)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) || u.value == 0x2028 || u.value == 0x2029
    }
}
