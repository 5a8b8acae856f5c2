/// numpy's changeable array flags: `WRITEABLE` (and `ALIGNED`, which rnnsh's memory always is).
///
/// numpy keeps the flags on the array object, not on the memory: `x.setflags(write=False)`
/// makes `x` (and every name bound to that same object) read-only, views taken from `x`
/// afterwards start read-only, but views taken before keep their own flag. An `NDArray` struct
/// copy is the same numpy object, so the flags are a shared reference; each view gets a new
/// one (`NDArray.init(viewing:…, writeable:)`).
///
/// Turning WRITEABLE back on follows numpy's `_IsWriteable`: an array that owns its memory may
/// always; a view only when its base (the owner, as numpy collapses chains of views) is
/// writeable — otherwise `cannot set WRITEABLE flag to True of this array`. So the read-only
/// views numpy hands out over writeable memory (`np.broadcast_to`, `x.diagonal()`) can be made
/// writeable, while a view of an array someone locked cannot.
public final class ArrayFlags: @unchecked Sendable {
    public internal(set) var writeable: Bool
    public internal(set) var aligned = true

    init(writeable: Bool) { self.writeable = writeable }
}

extension NDArray {
    /// numpy's wording when an assignment (`x[i] = v`, `np.copyto`, `x.fill`) meets a
    /// read-only array.
    public static let readOnlyAssignment = "assignment destination is read-only"
    /// numpy's wording when a ufunc's output (`x += 1`, `out=`) is read-only.
    public static let readOnlyOutput = "output array is read-only"

    /// Throws numpy's ValueError (`message`, e.g. `sort array is read-only`) when this array is
    /// read-only. Every write path calls it before its first byte is written, so a refused
    /// write changes nothing.
    public func requireWriteable(_ message: String = NDArray.readOnlyAssignment) throws(TensorError) {
        if !flags.writeable { throw TensorError(message, kind: .valueError) }
    }

    /// `x.setflags(write=on)` / `x.flags.writeable = on`. Recorded in the statement's journal,
    /// so a statement that fails afterwards leaves the flag as it was.
    public func setWriteable(_ on: Bool) throws(TensorError) {
        if on && !canBeMadeWriteable {
            throw TensorError("cannot set WRITEABLE flag to True of this array", kind: .valueError)
        }
        setFlag(\.writeable, on)
    }

    /// `x.setflags(align=on)`: rnnsh's memory is always aligned, so either value is accepted,
    /// and the flag reads back what was set (as numpy's does for an aligned array).
    public func setAligned(_ on: Bool) { setFlag(\.aligned, on) }

    private func setFlag(_ key: ReferenceWritableKeyPath<ArrayFlags, Bool>, _ on: Bool) {
        let f = flags
        let old = f[keyPath: key]
        guard old != on else { return }
        f[keyPath: key] = on
        WriteJournal.current?.recordUndo { f[keyPath: key] = old }
    }

    /// numpy's `_IsWriteable`: true for an array that owns its memory, else whether its base is
    /// writeable (numpy's base of a view is the owner, as rnnsh's `storage.owner` is).
    var canBeMadeWriteable: Bool {
        guard isView, let owner = storage.owner else { return true }
        return owner.flags.writeable
    }
}
