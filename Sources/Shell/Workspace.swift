import Printing

/// The named values of a session (numpy's global namespace).
///
/// A value type on purpose: the evaluator works on a copy and the interpreter keeps it only when
/// the whole statement succeeded, so a failing statement never leaves half its assignments
/// behind. Arrays share their storage, so the copy is cheap.
public struct Workspace: Sendable {
    private var values: [String: Value] = [:]
    /// numpy's print options of this session (`np.set_printoptions`); part of the workspace so
    /// a failed statement leaves them as they were, like every other change it made.
    public var printOptions = PrintOptions()
    /// Names in the order they were first assigned.
    private var order: [String] = []

    public init() {}

    /// The value bound to `name`, or nil.
    public subscript(name: String) -> Value? {
        get { values[name] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: name) == nil { order.append(name) }
            } else if values.removeValue(forKey: name) != nil {
                order.removeAll { $0 == name }
            }
        }
    }

    /// All names, in the order they were first assigned.
    public var names: [String] { order }

    /// Names that a user created (hides `_`, the last result).
    public var userNames: [String] { order.filter { $0 != "_" } }

    public var isEmpty: Bool { values.isEmpty }

    /// Removes every name.
    public mutating func removeAll() {
        values = [:]
        order = []
    }
}
