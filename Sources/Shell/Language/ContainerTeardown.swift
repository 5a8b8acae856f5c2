/// Freeing a deeply nested container one level at a time. Swift releases a list's items when
/// the list goes, each nested list releasing its own items from inside that release, so a list
/// nested 100,000 deep (`y.append([]); y = y[0]` in a loop) overflowed the stack when it was
/// dropped (rc 139, red team); CPython's "trashcan" unrolls the same recursion.
///
/// A container being freed hands its items here: every nested list, dict or set that nothing
/// else holds gives up its own items to the same work list before it is released, so each
/// release frees at most one level. A container someone else still holds is only released (its
/// count drops; its items stay).
enum ContainerTeardown {
    /// Releases `items` (the contents of a container being freed) without recursion.
    static func release(_ items: inout [Value]) {
        guard items.contains(where: \.holdsContainer) else { return }
        var work = Work()
        var values: [Value] = []
        swap(&values, &items)
        work.sort(&values)
        work.drain()
    }

    /// The containers met, by kind. A reference is checked for being the only one while it
    /// sits in these arrays, where no temporary copy of it is alive (a reference bound from a
    /// `Value` pattern was never seen as unique, and the release recursed anyway).
    private struct Work {
        var lists: [PyList] = []
        var dicts: [PyDict.Table] = []
        var sets: [PySet.Table] = []
        var tuples: [TupleItems.Box] = []
        var instances: [PyInstance] = []

        /// Moves the containers out of `values` into the typed stacks; a tuple's items are
        /// sorted in turn (a tuple is an array inside the value, with no count to check: its
        /// items are retained here, so releasing its buffer never frees them recursively).
        mutating func sort(_ values: inout [Value]) {
            while let v = values.popLast() {
                switch v {
                case .list(let l): lists.append(l)
                case .dict(let d): dicts.append(d.table)
                case .set(let s): sets.append(s.table)
                case .tuple(let t):
                    if let box = t.nestingBox { tuples.append(box) } else { values.append(contentsOf: t.array) }
                case .object(let o as PyInstance): instances.append(o)
                default: break
                }
            }
        }

        /// Empties every container held only here, one level at a time, then releases it.
        mutating func drain() {
            while true {
                var inner: [Value] = []
                if !lists.isEmpty {
                    if isKnownUniquelyReferenced(&lists[lists.count - 1]) { inner = lists[lists.count - 1].takeItems() }
                    lists.removeLast()
                } else if !tuples.isEmpty {
                    if isKnownUniquelyReferenced(&tuples[tuples.count - 1]) { inner = tuples[tuples.count - 1].takeItems() }
                    tuples.removeLast()
                } else if !instances.isEmpty {
                    // An object's attributes go the dicts' way: a linked list of instances
                    // (`node.next = previous`, a million long) freed one node per frame too.
                    if isKnownUniquelyReferenced(&instances[instances.count - 1]) {
                        let o = instances[instances.count - 1]
                        dicts.append(o.attributes.table)
                        inner = o.exceptionArgs
                        o.exceptionArgs = []
                    }
                    instances.removeLast()
                } else if !dicts.isEmpty {
                    if isKnownUniquelyReferenced(&dicts[dicts.count - 1]) {
                        let t = dicts[dicts.count - 1]
                        inner = t.keys + t.values
                        t.keys = []
                        t.values = []
                        t.index = [:]
                    }
                    dicts.removeLast()
                } else if !sets.isEmpty {
                    if isKnownUniquelyReferenced(&sets[sets.count - 1]) {
                        let t = sets[sets.count - 1]
                        inner = t.items
                        t.items = []
                        t.index = []
                    }
                    sets.removeLast()
                } else {
                    return
                }
                sort(&inner)
            }
        }
    }
}

extension Value {
    /// A list, dict, set, tuple or instance of a class: what can nest.
    var holdsContainer: Bool {
        switch self {
        case .list, .dict, .set, .tuple: return true
        case .object(let o): return o is PyInstance
        default: return false
        }
    }
}
