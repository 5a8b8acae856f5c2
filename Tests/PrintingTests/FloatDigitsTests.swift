import Testing
@testable import Printing

/// The digit primitives on the values docs/printing.md §4.1 singles out (expected digits are numpy's).
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
        #expect(positional(FloatDigits.shortest(Double(Float(0.1)), kind: .single)) == "0.1")
        #expect(positional(FloatDigits.shortest(Double(Float(0.1)), kind: .double)) == "0.10000000149011612")
    }

    /// CAP rounds the exact binary value, never the shortest string a second time:
    /// float32 0.016827285 is 0.0168272852897644…, so 8 digits give …729, not …728.
    @Test func capAvoidsDoubleRounding() {
        let x = Double(Float(0.016827285))
        #expect(positional(FloatDigits.dragon4(x, kind: .single, scientific: false, precision: 8, minDigits: 0, unique: true)) == "0.01682729")
        #expect(positional(FloatDigits.dragon4(0.001953125, kind: .double, scientific: false, precision: 8, minDigits: 0, unique: true)) == "0.00195312")
        #expect(positional(FloatDigits.dragon4(0.005859375, kind: .double, scientific: false, precision: 8, minDigits: 0, unique: true)) == "0.00585938")
    }

    @Test func capKeepsShortDigitsAndCarriesIntoTheExponent() {
        let short = FloatDigits.dragon4(1.5e-5, kind: .double, scientific: true, precision: 8, minDigits: 0, unique: true)
        #expect(short.leadingDigit == "1" && short.scientificFraction(paddedTo: 0) == "5" && short.exponent == -5)
        let carried = FloatDigits.dragon4(9.9999999999e-5, kind: .double, scientific: true, precision: 8, minDigits: 0, unique: true)
        #expect(carried.digits == Array("1".utf8) && carried.exponent == -4)
    }

    /// With a minimum digit count, Dragon4 carries on with the exact binary digits.
    @Test func minDigitsExtendWithExactDigits() {
        let d = FloatDigits.dragon4(Double(Float(1.1)), kind: .single, scientific: true, precision: 8, minDigits: 8, unique: true)
        #expect(d.scientificFraction(paddedTo: 8) == "10000002")
        let h = FloatDigits.dragon4(Double(Float16(0.1)), kind: .half, scientific: false, precision: nil, minDigits: 0, unique: true)
        #expect(positional(h) == "0.1")
    }

    @Test func exponentIsPaddedToTheCommonWidth() {
        #expect(FloatDigits.exponentText(-5, width: 2) == "-05")
        #expect(FloatDigits.exponentText(-5, width: 3) == "-005")
        #expect(FloatDigits.exponentText(308, width: 2) == "+308")
        #expect(FloatDigits.exponentText(0, width: 2) == "+00")
    }
}
