import Testing
@testable import Printing

/// Checks every view must meet: plain and Unicode text carries no escape byte and no line
/// ends in a space; colour text resets what it sets.
func expectClean(_ text: String, style: TerminalStyle, sourceLocation: SourceLocation = #_sourceLocation) {
    if !style.colour {
        #expect(!text.contains("\u{1B}"), "escape byte in uncoloured output", sourceLocation: sourceLocation)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.last != " ", "trailing space in \(line.debugDescription)", sourceLocation: sourceLocation)
        }
    }
    if !style.unicode {
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII in ASCII output", sourceLocation: sourceLocation)
    }
}

let esc = "\u{1B}["
