/// The items of a Python tuple (`Value.tuple`).
///
/// A tuple nested in a tuple a million deep (`t = (t,)` in a loop) overflowed the stack when it
/// was freed (rc 139, red team): a tuple was a bare `[Value]`, and Swift releases an array's
/// items from inside the array's release, one native frame chain per level, with no deinit
/// where `ContainerTeardown` could unroll it (CPython's trashcan does). So a tuple that holds
/// another tuple keeps its items in a `Box`, whose deinit hands them to the teardown; a tuple
/// of scalars, lists or arrays (nearly all of them) keeps the bare array and costs nothing more.
public struct TupleItems: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    private let inline: [Value]
    private let box: Box?

    final class Box: @unchecked Sendable {
        fileprivate(set) var items: [Value]
        init(_ items: [Value]) { self.items = items }
        deinit { ContainerTeardown.release(&items) }

        /// Empties the box and returns what it held (for `ContainerTeardown`).
        func takeItems() -> [Value] {
            var out: [Value] = []
            swap(&out, &items)
            return out
        }
    }

    public init(_ items: [Value]) {
        if items.contains(where: \.isTuple) {
            inline = []
            box = Box(items)
        } else {
            inline = items
            box = nil
        }
    }

    public init(arrayLiteral elements: Value...) { self.init(elements) }

    /// The items as an array (no copy).
    public var array: [Value] { box?.items ?? inline }

    /// The box holding items that nest (for `ContainerTeardown`), nil for a flat tuple.
    var nestingBox: Box? { box }

    public var startIndex: Int { 0 }
    public var endIndex: Int { box?.items.count ?? inline.count }
    public subscript(i: Int) -> Value { box?.items[i] ?? inline[i] }

    public static func + (a: TupleItems, b: TupleItems) -> [Value] { a.array + b.array }
}

extension Value {
    /// A tuple of `items` (the case itself holds `TupleItems`).
    public static func tuple(_ items: [Value]) -> Value { .tuple(TupleItems(items)) }

    var isTuple: Bool {
        if case .tuple = self { return true }
        return false
    }
}
