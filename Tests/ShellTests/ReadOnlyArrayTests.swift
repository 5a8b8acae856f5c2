import Testing
@testable import Shell

/// numpy's WRITEABLE flag where the differential family (`readonly.py`) cannot look: Python has
/// no undo, so what a failing statement does to the flag and to bytes written earlier in the
/// same statement is rnnsh's own promise ("a failed statement changes nothing").
@Suite struct ReadOnlyArrayTests {
    @Test func aFailedStatementPutsTheFlagBack() {
        let shell = Interpreter()
        _ = shell.execute("x = np.arange(3)")
        #expect(run("x.setflags(write=False), 1/0", in: shell) == "error: division by zero")
        #expect(run("x.flags.writeable", in: shell) == "True")
        #expect(run("x[0] = 5; x", in: shell) == "[5 1 2]")
        // And the other way round: a lock that succeeded, then an unlock in a failing statement.
        _ = shell.execute("x.setflags(write=False)")
        #expect(run("x.setflags(write=True), 1/0", in: shell) == "error: division by zero")
        #expect(run("x.flags.writeable", in: shell) == "False")
    }

    @Test func aRefusedWriteUndoesTheStatementsEarlierWrites() {
        let shell = Interpreter()
        // v was taken before the lock, so it stays writeable (numpy's flags are per array).
        _ = shell.execute("x = np.arange(6.0); v = x[:3]; x.setflags(write=False)")
        #expect(run("v[0], x[1] = 100, 5", in: shell) == "error: assignment destination is read-only")
        #expect(run("x", in: shell) == "[0. 1. 2. 3. 4. 5.]")
        #expect(run("v[0] = 100; x", in: shell) == "[100.   1.   2.   3.   4.   5.]")
    }

    @Test func everyNameOfTheArrayIsLockedButNotItsCopy() {
        let shell = Interpreter()
        _ = shell.execute("x = np.arange(3); y = x; c = x.copy(); x.flags.writeable = False")
        #expect(run("y[0] = 1", in: shell) == "error: assignment destination is read-only")
        #expect(run("y += 1", in: shell) == "error: output array is read-only")
        #expect(run("c += 1; c", in: shell) == "[1 2 3]")
        #expect(run("x", in: shell) == "[0 1 2]")
    }
}
