import Printing

/// The named values of a session (numpy's global namespace).
///
/// A value type on purpose: the evaluator works on a copy and the interpreter keeps it only when
/// the whole statement succeeded, so a failing statement never leaves half its assignments
/// behind. Arrays share their storage, so the copy is cheap.
public struct Workspace: Sendable {
    /// Every name ever bound here has a slot, for good (deleting a name empties its slot), so
    /// the slot number of a name never changes in this workspace or in the copies made of it:
    /// compiled code remembers it (`GlobalSlotCache`) and reads a global without hashing its
    /// name, checking only that the slot still holds that name (a copy that diverged may have
    /// given the number to another name).
    private var slotOf: [String: Int] = [:]
    private var slotNames: [String] = []
    private var slotValues: [Value?] = []
    /// Bytes held by the value in each slot (see `heldBytes(of:)`).
    private var slotHeld: [Int] = []
    /// numpy's print options of this session (`np.set_printoptions`); part of the workspace so
    /// a failed statement leaves them as they were, like every other change it made.
    public var printOptions = PrintOptions()
    /// numpy's floating-point error modes (`np.seterr`), kept for the same reason.
    public var floatErrorModes = FloatErrorModes()
    /// Names in the order they were first assigned.
    private var order: [String] = []
    /// Bytes held by the names bound to a list, tuple or string (arrays are counted by their
    /// storage), in total: the memory budget counts them (`Limits.heldOutsideArrays`).
    public private(set) var heldBytes = 0

    public init() {}

    /// The value bound to `name`, or nil.
    public subscript(name: String) -> Value? {
        get {
            guard let k = slotOf[name] else { return nil }
            return slotValues[k]
        }
        set {
            if let k = slotOf[name] {
                store(newValue, at: k)
            } else if let newValue {
                slotOf[name] = slotNames.count
                slotNames.append(name)
                slotValues.append(nil)
                slotHeld.append(0)
                store(newValue, at: slotNames.count - 1)
            }
        }
    }

    private mutating func store(_ newValue: Value?, at k: Int) {
        heldBytes -= slotHeld[k]
        slotHeld[k] = 0
        let wasBound = slotValues[k] != nil
        if let newValue {
            if !wasBound { order.append(slotNames[k]) }
            let bytes = Workspace.heldBytes(of: newValue)
            slotHeld[k] = bytes
            heldBytes += bytes
        } else if wasBound {
            let name = slotNames[k]
            order.removeAll { $0 == name }
        }
        slotValues[k] = newValue
    }

    /// The value bound to `name`, found by the slot `cache` remembers when it is still that
    /// name's (else by the name, and the cache learns the slot).
    ///
    /// `mutating` though it only reads: called on `Evaluator.workspace` (a class's stored
    /// property), a non-mutating call copies the whole struct first (retaining each of its
    /// arrays), which cost more than the read itself; an inout access copies nothing.
    mutating func value(_ name: String, cache: GlobalSlotCache) -> Value? {
        let k = cache.slot
        if k < slotNames.count, slotNames[k] == name { return slotValues[k] }
        guard let found = slotOf[name] else { return nil }
        cache.slot = found
        return slotValues[found]
    }

    /// Binds `name` through the slot `cache` remembers (see `value(_:cache:)`).
    mutating func set(_ name: String, _ value: Value, cache: GlobalSlotCache) {
        let k = cache.slot
        if k < slotNames.count, slotNames[k] == name, slotValues[k] != nil {
            // Rebinding a bound name: its place in `order` stays; only the held bytes change.
            switch value {
            case .string, .list, .tuple: store(value, at: k)
            default:
                // Holds no bytes outside arrays (`heldBytes(of:)`): nothing to count.
                heldBytes -= slotHeld[k]
                slotHeld[k] = 0
                slotValues[k] = value
            }
            return
        }
        self[name] = value
        if let found = slotOf[name] { cache.slot = found }
    }

    /// All names, in the order they were first assigned.
    public var names: [String] { order }

    /// Names that a user created (hides `_`, the last result).
    public var userNames: [String] { order.filter { $0 != "_" } }

    public var isEmpty: Bool { order.isEmpty }

    /// Removes every name.
    public mutating func removeAll() {
        slotOf = [:]
        slotNames = []
        slotValues = []
        slotHeld = []
        order = []
        heldBytes = 0
    }

    /// About what a Python value that is not an array holds: a string's UTF-8 bytes; a list's
    /// or tuple's item slots, plus the slots of the lists and the bytes of the strings it
    /// contains (one level down, each shared list buffer once: `[[0] * 10**6] * 10**6` holds
    /// one inner list, not a million). Past the first 2^20 items only the slots are counted,
    /// so binding a huge list stays fast.
    static func heldBytes(of value: Value) -> Int {
        switch value {
        case .string(let s):
            return s.utf8.count
        case .list(let list):
            return heldBytes(ofItems: list.items)
        case .tuple(let items):
            return heldBytes(ofItems: items.array)
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
                    let address = inner.array.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
                    if let address, seen.insert(address).inserted { total &+= inner.count &* slot }
                default:
                    break
                }
            }
            return total
        }
    }
}

/// The workspace slot a compiled global name was last found in (see `Workspace`); past every
/// slot at first.
final class GlobalSlotCache: @unchecked Sendable {
    var slot = Int.max
}
