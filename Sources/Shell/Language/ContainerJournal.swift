import Tensor

/// Item writes into Python's lists and dicts (`L[0] = 9`, `L[1:2] = …`, `d[k] = v`, `del L[0]`)
/// are undone with the rest of a failed statement: `a.x, L[0], (p, q) = 2, 9, 5` failed at
/// `(p, q)` but left `L[0]` changed, where the array bytes and attributes it wrote were put back.
///
/// Each write records its own small undo in the running statement's journal (`WriteJournal`),
/// so a top-level loop writing one item per statement costs one undo per write. A list written
/// item by item many times within one statement (a function's loop) is saved whole once
/// instead, after as many undos as it has items: the journal then holds at most about twice
/// the list, however long the loop.
///
/// List methods (`append`, `pop`, `sort`, …) and dict methods are not journaled yet: an undo
/// here checks its index against the container as it finds it, so a method call between a
/// write and its undo never makes the undo trap.
extension PyList {
    /// Calls `undo` when the running statement fails. `cost` is how many items it saves.
    private func journal(cost: Int, _ undo: @escaping () -> Void) {
        guard let journal = WriteJournal.current else { return }
        let id = ObjectIdentifier(self)
        let recorded = journal.undoCounts[id, default: 0]
        if recorded == Int.max { return }  // saved whole in this statement already
        if recorded + cost > Swift.max(64, count) {
            // The whole list as it is now: undos run newest first, so this restores the state
            // before the write, and the older undos then the state before the statement.
            let before = items
            journal.recordUndo { self.replaceAll(before) }
            journal.undoCounts[id] = Int.max
            return
        }
        journal.undoCounts[id] = recorded + cost
        journal.recordUndo(undo)
    }

    /// `L[i] = v`, undone when the statement fails.
    func journaledSet(_ i: Int, _ v: Value) {
        let old = items[i]
        journal(cost: 1) { if i < self.count { self.set(i, old) } }
        set(i, v)
    }

    /// `L[a:b] = new`, undone when the statement fails.
    func journaledReplace(_ range: Range<Int>, with new: [Value]) {
        let old = Array(items[range])
        let placed = range.lowerBound..<(range.lowerBound + new.count)
        journal(cost: Swift.max(1, old.count + new.count)) {
            let n = self.count
            self.replace(Swift.min(placed.lowerBound, n)..<Swift.min(placed.upperBound, n), with: old)
        }
        replace(range, with: new)
    }

    /// `del L[i]`, undone when the statement fails.
    func journaledRemove(at i: Int) {
        let old = items[i]
        journal(cost: 1) { self.insert(old, at: Swift.min(i, self.count)) }
        remove(at: i)
    }

    /// `del L[a:b:c]` and other writes of every item, undone when the statement fails.
    func journaledReplaceAll(_ new: [Value]) {
        let before = items
        journal(cost: Swift.max(1, before.count)) { self.replaceAll(before) }
        replaceAll(new)
    }
}

extension PyDict {
    /// `d[k] = v`, undone when the statement fails (a new key is removed again).
    func journaledSet(_ key: Value, _ value: Value, span: Range<Int>?) throws(ShellError) {
        let hash = try HashKey.of(key, span: span)
        if let journal = WriteJournal.current {
            if let i = position(hash) {
                let oldKey = table.keys[i], oldValue = table.values[i]
                journal.recordUndo {
                    if let j = self.position(hash) { self.table.keys[j] = oldKey; self.table.values[j] = oldValue }
                }
            } else {
                journal.recordUndo { self.remove(hash) }
            }
        }
        set(key, hash, value)
    }

    /// `del d[k]`, undone when the statement fails (the key goes back to its place).
    @discardableResult
    func journaledRemove(_ hash: HashKey) -> Value? {
        guard let i = position(hash) else { return nil }
        let key = table.keys[i]
        let removed = remove(hash)
        if let removed { WriteJournal.current?.recordUndo { self.insert(key, hash, removed, at: i) } }
        return removed
    }

    /// Puts `key` back at position `i` (undoing `remove`).
    private func insert(_ key: Value, _ hash: HashKey, _ value: Value, at position: Int) {
        if let j = self.position(hash) { table.values[j] = value; return }
        let i = Swift.min(position, table.keys.count)
        for (k, j) in table.index where j >= i { table.index[k] = j + 1 }
        table.keys.insert(key, at: i)
        table.values.insert(value, at: i)
        table.index[hash] = i
    }
}
