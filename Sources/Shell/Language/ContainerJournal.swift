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
/// The methods that change a container in place are journaled the same way (`xs.append(1),
/// 1/0` left the 1 behind): list `append`, `extend`, `+=`, `insert`, `pop`, `remove`, `sort`,
/// `reverse`, `clear`; dict `pop`, `popitem`, `setdefault`, `update`, `clear`; set `add`,
/// `update`, `remove`, `discard`, `pop`, `clear` and the `*_update`s. Undos run newest first,
/// so each finds its container as its write left it; they still check their positions, so a
/// write that bypassed the journal never makes one trap.
extension WriteJournal {
    /// Records `undo` for a write into `owner`, a container of `size` items, or, once the
    /// statement's undos for it would save more than about the container itself, one undo
    /// made by `saveWhole` from the container as it is now (undos run newest first, so that
    /// one restores the state before this write, and the older undos the state before the
    /// statement). `cost` is how many items `undo` saves.
    func record(_ owner: AnyObject, size: Int, cost: Int, saveWhole: () -> () -> Void, _ undo: @escaping () -> Void) {
        let id = ObjectIdentifier(owner)
        let recorded = undoCounts[id, default: 0]
        if recorded == Int.max { return }  // saved whole in this statement already
        if recorded + cost > Swift.max(64, size) {
            recordUndo(saveWhole())
            undoCounts[id] = Int.max
            return
        }
        undoCounts[id] = recorded + cost
        recordUndo(undo)
    }
}

extension PyList {
    /// Calls `undo` when the running statement fails. `cost` is how many items it saves;
    /// `before` gives the items as they were before the write, for when the list is saved
    /// whole (by default the items now: the write has not happened yet).
    private func journal(cost: Int, before: (() -> [Value])? = nil, _ undo: @escaping () -> Void) {
        guard let journal = WriteJournal.current else { return }
        journal.record(self, size: count, cost: cost, saveWhole: {
            let saved = before?() ?? items
            return { self.replaceAll(saved) }
        }, undo)
    }

    /// `xs.append(v)`, `xs.extend(more)`, `xs += more`, undone when the statement fails.
    func journaledAppend(contentsOf more: [Value]) {
        let n = count
        journal(cost: Swift.max(1, more.count)) {
            if self.count > n { self.replace(n..<self.count, with: []) }
        }
        append(contentsOf: more)
    }

    /// `xs.append(v)` (the compiled fast path), undone when the statement fails.
    func journaledAppend(_ v: Value) {
        if WriteJournal.current != nil {
            let n = count
            journal(cost: 1) { if self.count > n { self.replace(n..<self.count, with: []) } }
        }
        append(v)
    }

    /// `xs.insert(i, v)` (`i` already within 0...count), undone when the statement fails.
    func journaledInsert(_ v: Value, at i: Int) {
        journal(cost: 1) { if i < self.count { self.remove(at: i) } }
        insert(v, at: i)
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

    /// `xs.pop()`, `xs.sort()`, … as `Methods.listMethod` reported it, undone when the
    /// statement fails.
    /// The edit has been made: each case says how to get the items from before it.
    func journal(_ edit: ListEdit) {
        switch edit {
        case .appended(let n):
            journal(cost: Swift.max(1, count - n), before: { Array(self.items.prefix(n)) }) {
                if self.count > n { self.replace(n..<self.count, with: []) }
            }
        case .inserted(let i):
            journal(cost: 1, before: { var xs = self.items; if i < xs.count { xs.remove(at: i) }; return xs }) {
                if i < self.count { self.remove(at: i) }
            }
        case .removed(let old, let i):
            journal(cost: 1, before: { var xs = self.items; xs.insert(old, at: Swift.min(i, xs.count)); return xs }) {
                self.insert(old, at: Swift.min(i, self.count))
            }
        case .replacedAll(let before):
            journal(cost: Swift.max(1, before.count), before: { before }) { self.replaceAll(before) }
        }
    }
}

/// What a list method changed, for its undo (see `PyList.journal(_:)`).
enum ListEdit {
    /// Items were appended after the first `n`.
    case appended(from: Int)
    case inserted(at: Int)
    case removed(Value, at: Int)
    /// Every item may have changed (`sort`, `reverse`, `clear`); these were the items.
    case replacedAll([Value])
}

/// Where `Methods.listMethod` reports its `ListEdit`.
final class ListEditRecord {
    var edit: ListEdit?
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

    /// `d.clear()`, undone when the statement fails.
    func journaledRemoveAll() {
        if let journal = WriteJournal.current, count > 0 {
            let keys = table.keys, values = table.values, index = table.index
            journal.recordUndo { self.table.keys = keys; self.table.values = values; self.table.index = index }
        }
        removeAll()
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

extension PySet {
    /// `s.add(v)` and `s.update(...)`: the new items go at the end, so the undo drops the
    /// items past the count the set had.
    func journaledInsert(_ values: [Value], span: Range<Int>?) throws(ShellError) {
        let n = count
        for v in values { try insert(v, span: span) }
        guard count > n, let journal = WriteJournal.current else { return }
        journal.record(table, size: count, cost: count - n, saveWhole: {
            // The set as it was before these inserts.
            let items = Array(table.items.prefix(n))
            var index = table.index
            for x in table.items[n...] { if let h = try? HashKey.of(x, span: nil) { index.remove(h) } }
            return { self.table.items = items; self.table.index = index }
        }) {
            guard self.count > n else { return }
            for x in self.table.items[n...] { if let h = try? HashKey.of(x, span: nil) { self.table.index.remove(h) } }
            self.table.items.removeSubrange(n...)
        }
    }

    /// `s.remove(v)`, `s.discard(v)`, `s.pop()`: false when `v` is not in the set. The undo
    /// puts the item back where it was (the order a set of strings prints in).
    func journaledRemove(_ v: Value, span: Range<Int>?) throws(ShellError) -> Bool {
        let h = try HashKey.of(v, span: span)
        guard table.index.contains(h),
              let i = table.items.firstIndex(where: { (try? HashKey.of($0, span: nil)) == h }) else { return try remove(v, span: span) }
        let old = table.items[i]
        table.items.remove(at: i)
        table.index.remove(h)
        WriteJournal.current?.record(table, size: count, cost: 1, saveWhole: {
            // The set as it was before this removal.
            var items = table.items
            items.insert(old, at: i)
            let index = table.index.union([h])
            return { self.table.items = items; self.table.index = index }
        }) {
            guard !self.table.index.contains(h) else { return }
            self.table.items.insert(old, at: Swift.min(i, self.table.items.count))
            self.table.index.insert(h)
        }
        return true
    }

    /// `s.clear()`, `s.intersection_update(...)`, `s.difference_update(...)`: the whole set is
    /// saved, and put back when the statement fails.
    func journaledReplaceContents(with other: PySet) {
        if let journal = WriteJournal.current {
            let items = table.items, index = table.index
            journal.record(table, size: count, cost: Swift.max(1, count), saveWhole: {
                { self.table.items = items; self.table.index = index }
            }) { self.table.items = items; self.table.index = index }
        }
        replaceContents(with: other)
    }
}
