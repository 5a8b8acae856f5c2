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
    /// Bytes held by each name bound to a list, tuple or string (arrays are counted by their
    /// storage), and their total: the memory budget counts them (`Limits.heldOutsideArrays`).
    private var held: [String: Int] = [:]
    public private(set) var heldBytes = 0

    public init() {}

    /// The value bound to `name`, or nil.
    public subscript(name: String) -> Value? {
        get { values[name] }
        set {
            heldBytes -= held.removeValue(forKey: name) ?? 0
            if let newValue {
                if values.updateValue(newValue, forKey: name) == nil { order.append(name) }
                let bytes = Workspace.heldBytes(of: newValue)
                if bytes > 0 { held[name] = bytes; heldBytes += bytes }
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
        held = [:]
        heldBytes = 0
    }

    /// About what a Python value that is not an array holds: a string's UTF-8 bytes; a list's
    /// or tuple's item slots, plus the slots of the lists and the bytes of the strings it
    /// contains (one level down, each shared list buffer once: `[[0] * 10**6] * 10**6` holds
    /// one inner list, not a million). Past the first 2^20 items only the slots are counted,
    /// so binding a huge list stays fast.
    static func heldBytes(of value: Value) -> Int {
        let slot = MemoryLayout<Value>.stride
        switch value {
        case .string(let s):
            return s.utf8.count
        case .list(let list):
            return heldBytes(ofItems: list.items)
        case .tuple(let items):
            return heldBytes(ofItems: items)
        default:
            return 0
        }
    }

    private static func heldBytes(ofItems items: [Value]) -> Int {
        let slot = MemoryLayout<Value>.stride
        do {
            var total = items.count &* slot
            var seen = Set<UnsafeRawPointer>()
            for item in items.prefix(1 << 20) {
                switch item {
                case .string(let s):
                    total &+= s.utf8.count
                case .list(let list):
                    let inner = list.items
                    let address = inner.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
                    if let address, seen.insert(address).inserted { total &+= inner.count &* slot }
                case .tuple(let inner):
                    let address = inner.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
                    if let address, seen.insert(address).inserted { total &+= inner.count &* slot }
                default:
                    break
                }
            }
            return total
        }
    }
}
