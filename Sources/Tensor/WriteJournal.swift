/// The undo log of one statement: the old bytes of every region an array write is about to
/// change, so a statement that fails after writing can be rolled back and "a failed statement
/// changes nothing" holds even though arrays are mutable.
///
/// The shell opens a journal per simple statement (`WriteJournal.$current.withValue(journal)`),
/// calls `rollback()` when the statement fails and drops the journal when it succeeds. Every
/// write in module Tensor goes through `NDArray.willWrite`, which records into `current`; code
/// outside this module that writes into an array's storage must call `willWrite` first.
///
/// What is saved is the contiguous byte range between the lowest and highest element the view
/// reaches, copied once per write: cheap for the slices and rows statements write, and exact
/// for any layout (strided, negative strides, overlapping views). Entries are undone newest
/// first, so writes to overlapping regions restore the oldest bytes.
public final class WriteJournal: @unchecked Sendable {
    /// The journal writes record into; nil means writes are not recorded (outside a statement,
    /// or for the last write of a statement, after which nothing can fail).
    @TaskLocal public static var current: WriteJournal?

    struct Entry {
        let storage: Storage
        let byteOffset: Int
        let bytes: [UInt8]
    }
    private var entries: [Entry] = []
    /// Undo actions for writes that are not array bytes (a Python object's attribute rebound
    /// by the statement), run after the bytes are put back, newest first.
    private var undos: [() -> Void] = []

    /// Records how to undo a non-byte write of this statement.
    public func recordUndo(_ undo: @escaping () -> Void) { undos.append(undo) }

    /// Undos recorded per object in this statement, for callers that bound them (a Python list
    /// written item by item is saved whole after as many undos as it has items). The undo
    /// actions keep the objects alive, so an identifier is not reused while it is counted.
    public var undoCounts: [ObjectIdentifier: Int] = [:]

    public init() {}

    /// Bytes saved so far (for tests and for `info`).
    public var savedByteCount: Int { entries.reduce(0) { $0 + $1.bytes.count } }
    public var isEmpty: Bool { entries.isEmpty && undos.isEmpty }

    /// Saves the bytes `view` can reach before they are overwritten.
    func record(_ view: NDArray) {
        guard let range = view.byteRange, !range.isEmpty else { return }
        let raw = UnsafeRawBufferPointer(start: view.storage.pointer + range.lowerBound, count: range.count)
        entries.append(Entry(storage: view.storage, byteOffset: range.lowerBound, bytes: Array(raw)))
    }

    /// Puts back every saved region, newest first, and empties the journal.
    public func rollback() {
        for e in entries.reversed() {
            e.bytes.withUnsafeBytes { src in
                guard let base = src.baseAddress else { return }
                (e.storage.pointer + e.byteOffset).copyMemory(from: base, byteCount: src.count)
            }
        }
        entries.removeAll()
        for u in undos.reversed() { u() }
        undos.removeAll()
        undoCounts.removeAll()
    }

    /// Forgets what was saved (the statement succeeded).
    public func commit() {
        entries.removeAll()
        undos.removeAll()
        undoCounts.removeAll()
    }
}

extension NDArray {
    /// The bytes of the storage this array can reach: from its lowest to its highest element
    /// (nil for an empty array).
    var byteRange: Range<Int>? {
        guard size > 0 else { return nil }
        var lo = offset, hi = offset
        for (n, s) in zip(shape, strides) where n > 1 {
            if s > 0 { hi += (n - 1) * s } else { lo += (n - 1) * s }
        }
        return (lo * itemSize)..<((hi + 1) * itemSize)
    }

    /// The one gate every write into an array's storage passes: refuses a read-only array
    /// (numpy's `assignment destination is read-only`; paths numpy words differently check
    /// `requireWriteable` first) and records the old bytes in the active journal. Call it after
    /// every other check that can fail and before the first byte is written.
    public func willWrite() throws(TensorError) {
        try requireWriteable()
        WriteJournal.current?.record(self)
    }

    /// Records the old bytes without the WRITEABLE check: for a write whose destination was
    /// already checked, journaled through a plain view of the byte range it touches.
    func recordForUndo() {
        WriteJournal.current?.record(self)
    }
}
