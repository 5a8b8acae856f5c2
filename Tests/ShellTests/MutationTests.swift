import Testing
import Tensor
@testable import Shell

/// Arrays that change: aliasing through views, in-place operators, and the promise that a
/// failed statement changes nothing (the undo journal). Expected outputs are numpy 2.4's.
@Suite struct MutationTests {
    @Test func writesThroughViewsReachTheArray() {
        let shell = Interpreter()
        #expect(run("x = np.arange(6).reshape(2, 3); y = x[0]; y[:] = 7; print(x)", in: shell) == "[[7 7 7]\n [3 4 5]]")
        #expect(run("x.T[0, 1] = 9; print(x)", in: shell) == "[[7 7 7]\n [9 4 5]]")
        #expect(run("r = x.reshape(6); r[-1] = 0; print(x[1])", in: shell) == "[9 4 0]")
        #expect(run("a, b = np.split(x, 2); b *= 2; print(x)", in: shell) == "[[ 7  7  7]\n [18  8  0]]")
        #expect(run("c = x.copy(); c[:] = 1; print(x.sum(), np.shares_memory(c, x), np.shares_memory(y, x))", in: shell) == "47 False True")
        #expect(run("f = x[[0]]; f[:] = 5; print(x[0], np.shares_memory(f, x))", in: shell) == "[7 7 7] False")
        #expect(run("s = x[0, 0]; x[0, 0] = 3; print(s)", in: shell) == "7")
    }

    @Test func failedStatementRestoresEveryByte() {
        let shell = Interpreter()
        _ = run("x = np.arange(5); y = np.arange(3); v = x[1:4]", in: shell)
        #expect(run("x[0], y[9] = 100, 2", in: shell) == "error: index 9 is out of bounds for axis 0 with size 3")
        #expect(run("v[:] = 50; x[4] = np.undefined_thing", in: shell).hasPrefix("error: module 'numpy' has no attribute"))
        #expect(run("print(x)", in: shell) == "[ 0 50 50 50  4]")
        #expect(run("x[:] = -1; v += 1; y[5] = 0", in: shell).hasPrefix("error: index 5 is out of bounds"))
        // The whole `;`-statement that failed is undone; the two before it stay.
        #expect(run("print(x, v)", in: shell) == "[-1  0  0  0 -1] [0 0 0]")
        #expect(run("v[0] = x[0] = 8; q = y[7]", in: shell).hasPrefix("error: index 7"))
        #expect(run("print(x)", in: shell) == "[ 8  8  0  0 -1]")
        #expect(run("x[1] = v[0] = y[11] = 3", in: shell).hasPrefix("error:"))
        #expect(run("print(x, v)", in: shell) == "[ 8  8  0  0 -1] [8 0 0]")
    }

    /// `a.shape = s` changes the array object (every name holding it), and a statement that
    /// fails afterwards gives every name, and `x.base` of the views, the old shape back.
    @Test func failedShapeAssignmentIsUndone() {
        let shell = Interpreter()
        _ = run("a = np.arange(6); b = a; v = a[:2]", in: shell)
        _ = run("def f(x):\n    x.shape = (3, 2)\n    return 1 / 0", in: shell)
        #expect(run("f(a)", in: shell).hasPrefix("error: division by zero"))
        #expect(run("print(a.shape, b.shape, v.base.shape)", in: shell) == "(6,) (6,) (6,)")
        // In a block the failed statement alone is undone, as array bytes are.
        #expect(run("for i in range(1):\n    f(a)", in: shell).hasPrefix("error: division by zero"))
        #expect(run("print(a.shape, b.shape, v.base.shape)", in: shell) == "(6,) (6,) (6,)")
        // `;` separates statements: the shape set before the failing one stays, as in Python.
        #expect(run("a.shape = (2, 3); 1 / 0", in: shell).hasPrefix("error: division by zero"))
        #expect(run("print(a.shape, b.shape, v.base.shape)", in: shell) == "(2, 3) (2, 3) (2, 3)")
        #expect(run("a.shape = (4,)", in: shell) == "error: cannot reshape array of size 6 into shape (4,)")
        // Views are other array objects: setting their shape leaves `a` alone.
        #expect(run("a.T.shape = (3, 2, 1); a[None].shape = (6,); print(a.shape)", in: shell) == "(2, 3)")
    }

    @Test func inPlaceOperatorsKeepTheDtype() {
        #expect(run("x = np.arange(4); x += 1.5").hasPrefix("error: Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'"))
        #expect(run("x = np.arange(4); x //= 2; x **= 2; x <<= 1; x |= 1; print(x)") == "[1 1 3 3]")
        #expect(run("x = np.arange(4.0); x /= 2; x %= 1; print(x)") == "[0.  0.5 0.  0.5]")
        #expect(run("m = np.array([True, False]); m |= True; m &= np.array([True, False]); print(m)") == "[ True False]")
        #expect(run("x = np.arange(3); x[[0, 0, 1]] += 5; print(x)") == "[5 6 2]")
        #expect(run("x = np.arange(6).reshape(2, 3); x += x.T.reshape(2, 3); print(x)") == "[[ 0  4  3]\n [ 7  6 10]]")
    }

    @Test func baseAndFlags() {
        #expect(run("x = np.arange(6).reshape(2, 3); print(x.base)") == "[0 1 2 3 4 5]")
        #expect(run("x = np.arange(6).reshape(2, 3); print(x.T.flags)") ==
                "  C_CONTIGUOUS : False\n  F_CONTIGUOUS : True\n  OWNDATA : False\n  WRITEABLE : True\n  ALIGNED : True\n  WRITEBACKIFCOPY : False\n")
    }
}

/// Generated: statements that write through several arrays and views and then fail. After each,
/// every array of the workspace must hold exactly the bytes it held before (the undo journal).
@Suite struct FailedWriteRollbackTests {
    /// A small deterministic generator (SplitMix64) so the cases are the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    static let setup = """
        x = np.arange(24).reshape(4, 6)
        f = np.arange(12) * 0.5
        v = x[1:3, ::2]
        t = x.T
        r = f.reshape(3, 4)
        p, q = np.split(f, 2)
        """
    static let names = ["x", "f", "v", "t", "r", "p", "q"]
    static let targets = ["x[0]", "x[:, 1]", "x[x > 10]", "x[[0, 2]]", "f[::3]", "f[f > 2]", "v[...]", "v[0, [1, 2]]",
                          "t[2]", "t[:, [0, 3]]", "r[1:]", "r[r < 1]", "p[:]", "q[[0, -1]]", "x[1, 1]", "f[-1]"]
    /// Targets whose assignment fails (out of bounds, bad index, too many indices).
    static let failing = ["x[99]", "f[[0, 50]]", "t[0, 9]", "v[5]", "q[1.5]", "p[[1], [2]]", "x[0, 0, 0]"]

    /// The raw bytes of every array in the workspace.
    static func snapshot(_ shell: Interpreter) -> [String: [Scalar]] {
        var out: [String: [Scalar]] = [:]
        for n in names { if case .array(let a)? = shell.workspace[n] { out[n] = a.scalars } }
        return out
    }

    @Test func everyByteIsRestored() {
        var g = Generator(state: 2409)
        let shell = Interpreter()
        _ = shell.execute(Self.setup)
        var checked = 0
        for _ in 0..<120 {
            // Some successful writes first, so later failures start from changed arrays.
            let warmup = "\(Self.targets[g.next(Self.targets.count)]) = \(g.next(9))"
            _ = shell.execute(warmup)
            let before = Self.snapshot(shell)
            let k = 1 + g.next(4)
            let writes = (0..<k).map { _ in Self.targets[g.next(Self.targets.count)] }
            let bad = Self.failing[g.next(Self.failing.count)]
            let statement: String
            if g.next(2) == 0 {
                // Unpacking: the writes happen left to right, the last target fails.
                let targets = writes + [bad]
                statement = targets.joined(separator: ", ") + " = " + (0..<targets.count).map { "\($0 + 40)" }.joined(separator: ", ")
            } else {
                // Chained: the value goes to each target in turn, the last one fails.
                statement = (writes + [bad]).joined(separator: " = ") + " = \(g.next(9) + 60)"
            }
            let outputs = shell.execute(statement)
            guard case .error? = outputs.last else {
                Issue.record("\(statement) should fail")
                continue
            }
            #expect(Self.snapshot(shell) == before, "\(statement) changed an array")
            checked += 1
        }
        #expect(checked == 120)
    }
}
