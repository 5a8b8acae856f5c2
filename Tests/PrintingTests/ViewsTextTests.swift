import Testing
@testable import Printing

@Suite struct ViewsTextTests {
    @Test func visibleWidthSkipsEscapeSequences() {
        #expect(ViewText.visibleWidth(esc + "1m" + esc + "32mab" + esc + "0m") == 2)
        #expect(ViewText.visibleWidth("██▏⣿") == 4)
        #expect(ViewText.visibleWidth(esc + "38;2;1;2;3mx") == 1)
    }

    @Test func sideBySideCentresTheShorterBlockWithoutTrailingSpaces() {
        #expect(ViewText.sideBySide("ab\ncd\nef", "X") == "ab\ncd   X\nef")
        #expect(ViewText.sideBySide("a\nlong", "1\n2\n3\n4", gap: 1) == "     1\na    2\nlong 3\n     4")
        #expect(ViewText.sideBySide("ab\ncd", "X", centred: false) == "ab   X\ncd")
        // Escapes on the left do not count towards its width.
        #expect(ViewText.sideBySide(esc + "1mab" + esc + "0m\nc", "X\nY", gap: 1) == esc + "1mab" + esc + "0m X\nc  Y")
    }

    @Test func numbersDropTheSignOfANegativeZero() {
        #expect(ViewText.fixed(-0.0001, 3) == "0.000")
        #expect(ViewText.fixed(-0.5, 1) == "-0.5")
        #expect(ViewText.fixed(.infinity, 2) == "inf")
        #expect(ViewText.short(123456) == "1.235e+05")
        #expect(ViewText.short(-0.0) == "0")
    }

    @Test func palette256KeepsHuesAndFindsGreys() {
        #expect(RGB(0, 0, 0).palette256 == 16)
        #expect(RGB(255, 255, 255).palette256 == 231)
        #expect(RGB(128, 128, 128).palette256 == 244)
        #expect(RGB(68, 1, 84).palette256 == 53)        // viridis' purple stays purple
        #expect(RGB(255, 0, 0).palette256 == 196)
    }
}
