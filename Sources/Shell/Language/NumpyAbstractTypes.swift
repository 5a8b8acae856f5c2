import Tensor

/// numpy's abstract scalar classes: `np.generic` above everything, `np.number` above the
/// numbers, `np.integer` (`signedinteger`, `unsignedinteger`) and `np.inexact` (`floating`).
/// Code asks them "what kind of number is this?" — `np.issubdtype(x.dtype, np.floating)`,
/// `isinstance(v, np.integer)` — instead of listing every concrete dtype. They are values of
/// kind `.type("numpy.NAME")`, printed `<class 'numpy.integer'>` as numpy prints them.
enum NumpyAbstractTypes {
    /// The abstract classes, each with its parent (nil for `generic`).
    static let parents: [String: String?] = [
        "generic": nil, "number": "generic", "integer": "number", "signedinteger": "integer",
        "unsignedinteger": "integer", "inexact": "number", "floating": "inexact",
    ]

    /// The abstract class a concrete dtype's scalar type derives from directly (numpy's bool
    /// is not a number: `np.issubdtype(bool, np.number)` is False).
    static func parent(of d: DType) -> String {
        if d.isFloat { return "floating" }
        if d.isSignedInteger { return "signedinteger" }
        if d.isUnsignedInteger { return "unsignedinteger" }
        return "generic"
    }

    /// True when the abstract class `name` is `ancestor` or derives from it.
    static func isSubclass(_ name: String, of ancestor: String) -> Bool {
        var current: String? = name
        while let c = current {
            if c == ancestor { return true }
            current = parents[c] ?? nil
        }
        return false
    }

    /// The class `.type` value of `np.NAME` when NAME is an abstract scalar class.
    static func value(_ name: String) -> Value? { parents[name] != nil ? .type("numpy." + name) : nil }

    /// The abstract class named by a `.type` value's name (`numpy.integer` → `integer`).
    static func abstractName(_ typeName: String) -> String? {
        guard typeName.hasPrefix("numpy.") else { return nil }
        let name = String(typeName.dropFirst("numpy.".count))
        return parents[name] != nil ? name : nil
    }

    /// `isinstance(v, np.NAME)` for a numpy scalar of dtype `d`.
    static func dtype(_ d: DType, isSubclassOf abstract: String) -> Bool { isSubclass(parent(of: d), of: abstract) }
}
