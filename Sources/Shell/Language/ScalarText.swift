/// Text from a run of Unicode scalars (the lexer's and parser's view of the source).
///
/// `String.UnicodeScalarView.append(contentsOf:)` encodes scalar by scalar through a slow
/// generic path; it was a tenth of the time a short statement spent being parsed. Writing the
/// UTF-8 bytes into the new string directly is several times faster.
enum ScalarText {
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var count = 0
        for c in scalars { count &+= UTF8.width(c) }
        if count == 0 { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for c in scalars {
                if c.isASCII {
                    buffer[i] = UInt8(truncatingIfNeeded: c.value)
                    i &+= 1
                } else {
                    for byte in UTF8.encode(c).unsafelyUnwrapped {
                        buffer[i] = byte
                        i &+= 1
                    }
                }
            }
            return i
        }
    }
}
