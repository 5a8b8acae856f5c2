import Testing
@testable import Printing

/// The digit primitives on the values SPEC §4.1 singles out (expected digits are numpy's).
@Suite struct FloatDigitsTests {
    private func positional(_ d: DecimalDigits) -> String {
        let p = d.positionalParts
        return p.whole + "." + p.fraction
    }

    @Test func parsesSwiftAndPrintfLayouts() {
        #expect(DecimalDigits(parsing: "1e-05") == DecimalDigits(digits: Array("1".utf8), exponent: -5))
        #expect(DecimalDigits(parsing: "-1.5e+16") == DecimalDigits(digits: Array("15".utf8), exponent: 16))
        #expect(DecimalDigits(parsing: "0.00001000") == DecimalDigits(digits: Array("1".utf8), exponent: -5))
        #expect(DecimalDigits(parsing: "1234567.0") == DecimalDigits(digits: Array("1234567".utf8), exponent: 6))
        #expect(DecimalDigits(parsing: "0.00000000e+00").isZero)
    }

    @Test func shortestUsesTheValuesOwnType() {
        #expect(positional(FloatDigits.shortest(Double(Float(0.1)), single: true)) == "0.1")
        #expect(positional(FloatDigits.shortest(Double(Float(0.1)), single: false)) == "0.10000000149011612")
    }

    /// CAP rounds the exact binary value, never the shortest string a second time:
    /// float32 0.016827285 is 0.0168272852897644…, so 8 digits give …729, not …728.
    @Test func capAvoidsDoubleRounding() {
        let x = Double(Float(0.016827285))
        #expect(positional(FloatDigits.cappedPositional(x, single: true, maxFraction: 8)) == "0.01682729")
        #expect(positional(FloatDigits.cappedPositional(0.001953125, single: false, maxFraction: 8)) == "0.00195312")
        #expect(positional(FloatDigits.cappedPositional(0.005859375, single: false, maxFraction: 8)) == "0.00585938")
    }

    @Test func capKeepsShortDigitsAndCarriesIntoTheExponent() {
        let short = FloatDigits.cappedScientific(1.5e-5, single: false, maxFraction: 8)
        #expect(short.leadingDigit == "1" && short.scientificFraction(paddedTo: 0) == "5" && short.exponent == -5)
        let carried = FloatDigits.cappedScientific(9.9999999999e-5, single: false, maxFraction: 8)
        #expect(carried.digits == Array("1".utf8) && carried.exponent == -4)
    }

    @Test func exponentIsPaddedToTheCommonWidth() {
        #expect(FloatDigits.exponentText(-5, width: 2) == "-05")
        #expect(FloatDigits.exponentText(-5, width: 3) == "-005")
        #expect(FloatDigits.exponentText(308, width: 2) == "+308")
        #expect(FloatDigits.exponentText(0, width: 2) == "+00")
    }
}
