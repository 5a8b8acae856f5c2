import Tensor

extension Evaluator {
    /// `a.shape = (4,)`: numpy's shape setter, which changes the array object itself.
    ///
    /// rnnsh's names hold `NDArray` structs, not references to one array object; what they
    /// share is the storage and the `flags` reference (`ArrayFlags`: one per numpy array
    /// object, shared by every copy of the struct). So the new shape is given to every binding
    /// whose array has these flags that this statement can reach: the target itself when it is
    /// an instance attribute (`self.W.shape = …`), the locals of the running function and of
    /// the functions around it, and the workspace. Arrays held only inside lists, dicts or
    /// other objects keep the shape they had (docs/language.md, Known differences).
    ///
    /// Every rebinding is journaled: a statement that fails afterwards gives the names their
    /// old array back (the storage's owner layout is put back by `reshapedInPlace`).
    func setArrayShape(_ a: NDArray, to value: Value, holder: (object: Value, name: String)?, span: Range<Int>) throws(ShellError) {
        // numpy's own words for `a.shape = None` (its shape converter refuses None).
        if value.isNone { throw ShellError("Use () not None as shape arguments", span: span, kind: .typeError) }
        let dims = try ArgumentBinder.integers(value, span)
        let reshaped: NDArray
        do {
            reshaped = try a.reshapedInPlace(dims)
        } catch {
            throw ShellError(error.message, explanation: error.explanation, span: span, kind: error.kind)
        }
        let flags = a.flags
        func isSameObject(_ v: Value?) -> Bool {
            if case .array(let x)? = v { return x.flags === flags }
            return false
        }
        let journal = WriteJournal.current
        // The instance's own attribute only (a property's getter is not run again, nor its
        // setter: numpy changes the array object, it assigns nothing).
        if let holder, case .object(let i as PyInstance) = holder.object,
           isSameObject(i.attributes.get(.string(holder.name))) {
            ClassRuntime.journaledSet(i.attributes, holder.name, .array(reshaped), bornIn: i.bornIn)
        }
        var f = frame
        while let current = f {
            for (_, k) in current.layout.slotOf where isSameObject(current[slot: k]) {
                let old = current[slot: k]
                current[slot: k] = .array(reshaped)
                // Put back only while the slot still holds this array object: a later
                // rebinding in the same statement is not this undo's to revert.
                journal?.recordUndo { if isSameObject(current[slot: k]) { current[slot: k] = old } }
            }
            f = current.parent
        }
        for name in workspace.names where isSameObject(workspace[name]) {
            let old = workspace[name]
            workspace[name] = .array(reshaped)
            journal?.recordUndo { [weak self] in
                guard let self, isSameObject(self.workspace[name]) else { return }
                self.workspace[name] = old
            }
        }
    }
}
